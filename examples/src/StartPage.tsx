import { applyVariant, BLURBS, hasIndicators, instruments, variantsOf } from "./catalog.ts";
import { Link } from "./router.tsx";

/** The start page: what Blankett is, and where each kind of visitor goes from here. */
export function StartPage() {
  const compared = instruments.filter((i) => i.versions.length > 1);
  const withVariants = instruments.filter((i) => variantsOf(i.name).length > 0);
  const withIndicators = instruments.flatMap((i) => i.versions.filter((v) => hasIndicators(`${i.name}@${v}`)).map((v) => ({ ...i, version: v })));
  return (
    <div className="start">
      <h2 id="page-title" tabIndex={-1}>Formulär för socialtjänsten, byggda från versionerade scheman</h2>
      <p className="lead">
        Blankett håller socialtjänstens standardiserade formulär som data: ett schema för varje formulär och version. Av samma schema blir
        formuläret på skärmen, kontrollen av svaren med felmeddelanden på svenska, beräknade resultat och statistik.
      </p>
      <p>
        En kommun kan anpassa ett formulär med en lokal variant, inom regler som håller den nationella statistiken jämförbar. När ett
        formulär får en ny version visar Blankett vad som ändrats och flyttar sparade svar till den nya versionen.
      </p>
      <p>Allt här körs i din webbläsare. Svaren du fyller i lämnar inte datorn, och statistiken räknas på påhittade uppgifter.</p>

      <section aria-labelledby="start-fill" className="group">
        <h3 id="start-fill">Fyll i ett formulär</h3>
        <p>För dig som arbetar i socialtjänsten eller vill prova formulären.</p>
        <ul className="cards">
          {instruments.map((i) => (
            <li key={i.name} className="card">
              <h4>{i.title}</h4>
              {BLURBS[i.name] && <p>{BLURBS[i.name]}</p>}
              <p className="links">
                {[...i.versions].reverse().map((v, n) => (
                  <Link key={v} to={{ view: "form", instrument: i.name, version: v }}>
                    Version {v}
                    {n === 0 && i.versions.length > 1 ? " (senaste)" : ""}
                  </Link>
                ))}
              </p>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="start-variants" className="group">
        <h3 id="start-variants">Lokala varianter</h3>
        <p>
          För kommuner. En lokal variant döljer frågor, lägger till egna, byter ord och tar bort svarsalternativ som kommunen inte använder,
          i en bestämd nationell version. Blankett kontrollerar att varianten följer reglerna innan den kan användas.
        </p>
        <ul className="cards">
          {withVariants.map((i) => (
            <li key={i.name} className="card">
              <h4>{i.title}</h4>
              <ul>
                {variantsOf(i.name).map((v) => {
                  const problems = applyVariant(v).problems.length;
                  return (
                    <li key={v.name}>
                      <Link to={{ view: "form", instrument: v.instrument, version: v.version, variant: v.name }}>{v.title}</Link>
                      <span className="note">
                        {" "}– bygger på version {v.version}, {problems === 0 ? "följer reglerna" : `bryter mot reglerna (${problems} fel)`}
                      </span>
                    </li>
                  );
                })}
              </ul>
            </li>
          ))}
        </ul>
        <p>
          <Link to={{ view: "studio" }}>Öppna studion</Link> för att skriva en egen variant och se formuläret och reglerna medan du skriver.
        </p>
      </section>

      <section aria-labelledby="start-diff" className="group">
        <h3 id="start-diff">Jämför versioner</h3>
        <p>För granskare. Vad som ändrats mellan två versioner av ett formulär, och vad ändringen betyder för svar som redan sparats.</p>
        <ul>
          {compared.map((i) => {
            const to = i.versions[i.versions.length - 1]!;
            const from = i.versions[i.versions.length - 2]!;
            return (
              <li key={i.name}>
                <Link to={{ view: "diff", instrument: i.name, version: to, compare: from }}>
                  {i.title}: version {from} jämförd med {to}
                </Link>
              </li>
            );
          })}
        </ul>
      </section>

      {withIndicators.length > 0 && (
        <section aria-labelledby="start-indicators" className="group">
          <h3 id="start-indicators">Indikatorer</h3>
          <p>
            För uppföljning och statistik. Indikatorerna räknas på påhittade poster som skapas i webbläsaren, fördelade efter till exempel kön,
            hushållstyp eller barnahus. Tider visas som median i dagar. Små grupper visas inte, så att ingen person kan pekas ut.
          </p>
          <ul>
            {withIndicators.map((i) => (
              <li key={`${i.name}@${i.version}`}>
                <Link to={{ view: "indicators", instrument: i.name, version: i.version }}>
                  Indikatorer för {i.title}, version {i.version}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      )}

      <section aria-labelledby="start-vendors" className="group">
        <h3 id="start-vendors">För leverantörer av verksamhetssystem</h3>
        <p>
          Formulären finns som webbkomponenter som kan bäddas in i vilken sida som helst, även med en strikt säkerhetspolicy. Välj
          ”Webbkomponenter” när du fyller i ett formulär för att se dem här. En vanlig sida utan ramverk: kör <code>npm run build:lit</code>{" "}
          och <code>npm run serve:embed</code>.
        </p>
      </section>
    </div>
  );
}
