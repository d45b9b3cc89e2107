/**
 * The floor: the least a page can do to draw the FIA 1.0.0 form from its schema. Hand-written DOM,
 * no framework, no validation: every question with its label (radios, selects, textareas, text,
 * date and number inputs, checkboxes, the ranking's add buttons, the plan's "add" button), in the
 * schema's `x-ui.order`, and the same `visibleWhen` conditions hiding the same fields, evaluated
 * again after every change. window.__rev counts changes (bench/peers.ts measures keystrokes by it).
 */
import schema from "virtual:fia-schema";

type S = Record<string, any>;
declare global {
  interface Window {
    __rev: number;
  }
}
window.__rev = 0;

const root: S = schema;
const deref = (s: S): S => (typeof s.$ref === "string" ? { ...deref(s.$ref.slice(2).split("/").reduce((n: S, k: string) => n[k], root)), ...s, $ref: undefined } : s);
const keysOf = (s: S): string[] => {
  const props = Object.keys(s.properties ?? {});
  const order: string[] = s["x-ui"]?.order ?? [];
  return [...order.filter((k) => props.includes(k)), ...props.filter((k) => !order.includes(k))];
};
const optionsOf = (s: S): { code: unknown; label: string }[] | undefined => {
  const d = deref(s);
  return Array.isArray(d.oneOf) && d.oneOf.every((b: S) => "const" in b) ? d.oneOf.map((b: S) => ({ code: b.const, label: b.title ?? String(b.const) })) : undefined;
};

// Answers and the conditions that depend on them.
const answers: S = {};
const getPath = (path: string): unknown => path.split(".").reduce((n: any, k) => (n == null ? undefined : n[k]), answers);
const setPath = (path: string[], value: unknown) => {
  let n = answers;
  for (const k of path.slice(0, -1)) n = n[k] ??= {};
  if (value === undefined) delete n[path.at(-1)!];
  else n[path.at(-1)!] = value;
};
const truth = (logic: any): any => {
  if (logic === null || typeof logic !== "object" || Array.isArray(logic)) return logic;
  const [op, args] = Object.entries(logic)[0] as [string, any];
  const a = Array.isArray(args) ? args : [args];
  switch (op) {
    case "var":
      return getPath(String(a[0]));
    case "and":
      return a.every((x: unknown) => truth(x));
    case "or":
      return a.some((x: unknown) => truth(x));
    case "!":
      return !truth(a[0]);
    case "==":
    case "===":
      return truth(a[0]) === truth(a[1]);
    case "in": {
      const hay = truth(a[1]);
      return Array.isArray(hay) ? hay.includes(truth(a[0])) : false;
    }
  }
  throw new Error(`unknown operator ${op}`);
};
const conditional: { el: HTMLElement; when: unknown }[] = [];
const refresh = () => {
  for (const c of conditional) c.el.hidden = !truth(c.when);
};
const changed = (path: string[], value: unknown) => {
  setPath(path, value);
  refresh();
  window.__rev++;
};

let ids = 0;
const h = <K extends keyof HTMLElementTagNameMap>(tag: K, props: Record<string, unknown> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] => {
  const el = Object.assign(document.createElement(tag), props);
  el.append(...children);
  return el;
};

function field(raw: S, key: string, path: string[]): HTMLElement {
  const s = deref(raw);
  const ui: S = s["x-ui"] ?? {};
  const label = s.title ?? key;
  let el: HTMLElement;
  if (s.type === "object" && s.properties) {
    el = h("fieldset", {}, h(path.length === 1 ? "h2" : "legend", { textContent: label }));
    for (const k of keysOf(s)) el.append(field(s.properties[k], k, [...path, k]));
  } else if (s.type === "array" && optionsOf(s.items)) {
    const options = optionsOf(s.items)!;
    el = h("fieldset", {}, h("legend", { textContent: label }));
    const chosen: unknown[] = [];
    if (ui.widget === "ranking") {
      const list = h("ol");
      el.append(list);
      for (const o of options) {
        const add = h("button", { type: "button", textContent: `Lägg till ${o.label}` });
        add.onclick = () => {
          chosen.push(o.code);
          list.append(h("li", { textContent: o.label }));
          add.hidden = true;
          changed(path, [...chosen]);
        };
        el.append(add);
      }
    } else {
      for (const o of options) {
        const box = h("input", { type: "checkbox", id: `f${++ids}` });
        box.onchange = () => {
          if (box.checked) chosen.push(o.code);
          else chosen.splice(chosen.indexOf(o.code), 1);
          changed(path, [...chosen]);
        };
        el.append(h("div", {}, box, h("label", { htmlFor: box.id, textContent: o.label })));
      }
    }
  } else if (s.type === "array") {
    // A table of rows: empty on a new form, rows added by the button.
    el = h("fieldset", {}, h("legend", { textContent: label }), h("button", { type: "button", textContent: `Lägg till ${(ui.rowLabel ?? "rad").toLowerCase()}` }));
  } else {
    const options = optionsOf(s);
    const id = `f${++ids}`;
    if (options && (ui.widget === "radio" || (!ui.widget && options.length <= 5))) {
      el = h("fieldset", {}, h("legend", { textContent: label }));
      for (const o of options) {
        const radio = h("input", { type: "radio", name: id, id: `${id}-${String(o.code)}` });
        radio.onchange = () => changed(path, o.code);
        el.append(h("div", {}, radio, h("label", { htmlFor: radio.id, textContent: o.label })));
      }
    } else {
      let input: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;
      if (options) {
        input = h("select", { id }, h("option", { value: "", textContent: "Välj" }), ...options.map((o, i) => h("option", { value: String(i), textContent: o.label })));
        input.onchange = () => changed(path, input.value === "" ? undefined : options[Number(input.value)]!.code);
      } else if (ui.widget === "textarea" || (typeof s.maxLength === "number" && s.maxLength > 300 && !ui.widget)) {
        input = h("textarea", { id, rows: ui.rows ?? 3 });
      } else {
        const type = s.format === "date" ? "date" : s.type === "integer" || s.type === "number" ? "number" : "text";
        input = h("input", { id, type });
      }
      if (!options) input.oninput = () => changed(path, input.value === "" ? undefined : s.type === "integer" || s.type === "number" ? Number(input.value) : input.value);
      el = h("div", {}, h("label", { htmlFor: id, textContent: label }), input);
    }
  }
  if (ui.help) el.append(h("p", { textContent: ui.help }));
  if (ui.visibleWhen !== undefined) conditional.push({ el, when: ui.visibleWhen });
  return el;
}

const form = h("form", {}, h("h1", { textContent: root.title }));
for (const k of keysOf(root)) if (k !== "meta") form.append(field(root.properties[k], k, [k]));
refresh();
document.getElementById("root")!.append(form);
