// The page's own script, loaded from a file (the CSP allows no inline script). It only listens
// to the form's documented events; the form itself needs no code from the page.
const form = document.querySelector("blankett-form");
const status = document.getElementById("status");

function show(valid, errorCount) {
  if (!status) return;
  status.textContent = valid ? "Uppföljningen är klar att sparas." : `Uppföljningen är inte klar${errorCount ? ` (${errorCount} fel kvar)` : ""}.`;
}

form?.addEventListener("blankett-validity", (event) => show(event.detail.valid, event.detail.errorCount));

// The form may have rendered before this script ran: start from its current validity.
customElements.whenDefined("blankett-form").then(() => {
  if (form && status && !status.textContent) show(form.validity.valid, 0);
});
