import { parseArgs } from "node:util";
import { InputError } from "../node/files.ts";
import { SchemaError } from "../validation/validator.ts";
import { consoleOutput, EXIT_UNUSABLE, installProcessGuards, internalErrorLine, printLines, type Output } from "./output.ts";
import { listCommand } from "./commands/list.ts";
import { validateCommand } from "./commands/validate.ts";
import { lintCommand } from "./commands/lint.ts";
import { checkCommand, scoreCommand } from "./commands/score.ts";
import { indicatorsCommand, parseParams } from "./commands/indicators.ts";
import { generateCommand } from "./commands/generate.ts";
import { diffCommand } from "./commands/diff.ts";
import { overlayCommand } from "./commands/overlay.ts";
import { migrateCommand, type MigrateCommandOptions } from "./commands/migrate.ts";
import { testCommand } from "./commands/test.ts";

const USAGE = `Användning: blankett <kommando>

  list                                   formulär, versioner och lokala varianter
  validate <formulär@version|schema.json> <svar.json|svar.ndjson> [--draft] [--json]
                                         kontrollera svar (0 giltigt, 1 ogiltigt, 2 oanvändbar indata)
  score <formulär@version|schema.json> <svar.json|.ndjson> [--draft]
                                         regelresultat med förklaringar, som JSON
  check <formulär@version|schema.json> <svar.json|.ndjson> [--draft]
                                         fel och varningar (exit 1 bara vid fel)
             --draft, eller meta.status "draft" i svaren: obesvarade obligatoriska frågor är inget fel
  indicators <formulär@version> <poster.ndjson> [--group-by kon,aldersgrupp] [--format table|csv|json]
             [--param namn=tal] [--indicator id]
                                         indikatorer per grupp, små celler dolda
  generate <formulär@version> --count N --seed S [--out fil.ndjson [--force]]
                                         syntetiska svarsdokument (NDJSON), samma frö ger samma data
  diff <gammal> <ny> [--format text|json|html|markdown] [--check-bump] [--migration fil] [--out fil [--force]]
                                         jämför två versioner: ändringar, klass, versionssteg och vad som
                                         händer med sparade svar (formulärets migreringar, eller --migration)
  diff --base <revision> <schema.json> [samma flaggor]
                                         jämför schemafilen med samma fil i en git-revision
  migrate <svar.json|svar.ndjson> --to <formulär@version> [--out fil [--force]] [--draft]
                                         flytta sparade svar till en annan version; inget tappas utan rapport
  overlay check <overlay.json>           regler som en lokal variant bryter (exit 1 om någon)
  overlay apply <overlay.json> [--out fil [--force]] [--base formulär@version]
                                         effektivt schema; med --base: flytta till en annan version, konflikter listas
  studio [--port N] [--dir mapp]         variantstudion: anpassa formulär i webbläsaren (http://127.0.0.1:5174)
  lint <schema.json|formulär@version> [...]
                                         kontrollera ett schema och dess hints
  test <formulär@version|schema.json>    kör versionens regeltester (<version>.tests.json): ok eller fel per fall
                                         (0 alla ok, 1 något fel, 2 oanvändbar testfil)
  types [--check]                        generera TypeScript-typer (--check: fel om de är inaktuella)
  types <formulär@version[+variant]>     skriv ut svarstyperna för en version eller lokal variant

  formulär@version+variant (fia@1.0.0+exempelby) är en lokal variant: overlayn i
  schemas/<formulär>/variants/<variant>.overlay.json tillämpad på versionen. Den går överallt där
  formulär@version går; en variant skriven för en annan version vägras.

  --out skriver en ny fil; en befintlig ersätts bara med --force. Symboliska länkar följs inte,
  och inget skrivs i schemapaketets katalog.`;

class UsageError extends InputError {}

function need(args: string[], n: number, what: string): void {
  if (args.length < n) throw new UsageError(`Saknar ${what}. Skriv blankett --help för hjälp.`);
}

/** The command line, or a UsageError in Swedish (parseArgs' own messages are English). */
function parseArguments(argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        draft: { type: "boolean" },
        json: { type: "boolean" },
        check: { type: "boolean" },
        help: { type: "boolean", short: "h" },
        "group-by": { type: "string", multiple: true },
        format: { type: "string" },
        param: { type: "string", multiple: true },
        indicator: { type: "string", multiple: true },
        definitions: { type: "string" },
        count: { type: "string" },
        seed: { type: "string" },
        out: { type: "string" },
        "check-bump": { type: "boolean" },
        force: { type: "boolean" },
        base: { type: "string" },
        migration: { type: "string" },
        to: { type: "string" },
        date: { type: "string" },
      },
    });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const option = /'(-[^' ]*)/.exec(e instanceof Error ? e.message : "")?.[1] ?? "";
    if (code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") throw new UsageError(`Okänd flagga ${option}. Skriv blankett --help för hjälp.`);
    if (code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE") throw new UsageError(`Flaggan ${option} har fel värde eller saknar värde. Skriv blankett --help för hjälp.`);
    throw new UsageError("Argumenten går inte att tolka. Skriv blankett --help för hjälp.");
  }
}

/**
 * Runs one `blankett` command and returns its exit code. Writing to the console (the default),
 * this is the blankett process: a closed pipe and an error that escapes everything are handled
 * there too (installProcessGuards).
 */
export async function run(argv: string[], io: Output = consoleOutput): Promise<number> {
  if (io === consoleOutput) installProcessGuards();
  try {
    if (argv[0] === "studio") return await (await import("./commands/studio.ts")).studioCommand(io, argv.slice(1));
    const { values, positionals } = parseArguments(argv);
    const [command, ...args] = positionals;
    if (values.help || !command) {
      printLines(io.out, USAGE);
      return command || values.help ? 0 : EXIT_UNUSABLE;
    }
    switch (command) {
      case "list":
        return listCommand(io);
      case "validate":
        need(args, 2, "formulär och svarsfil");
        return await validateCommand(io, args[0]!, args[1]!, { mode: values.draft ? "draft" : "complete", json: !!values.json });
      case "score":
        need(args, 2, "formulär och svarsfil");
        return await scoreCommand(io, args[0]!, args[1]!, values.draft ? "draft" : "complete");
      case "check":
        need(args, 2, "formulär och svarsfil");
        return await checkCommand(io, args[0]!, args[1]!, values.draft ? "draft" : "complete");
      case "indicators": {
        need(args, 2, "formulär och postfil");
        const format = values.format ?? "table";
        if (format !== "json" && format !== "csv" && format !== "table") throw new UsageError(`Okänt format ”${format}”: välj table, csv eller json`);
        const list = (v: string[] | undefined) => (v ?? []).flatMap((s) => s.split(",")).filter((s) => s !== "");
        // Its table and CSV come as one block of lines: printed line by line, each one made safe.
        const blocks: Output = { out: (text) => printLines(io.out, text), err: io.err };
        return await indicatorsCommand(format === "json" ? io : blocks, args[0]!, args[1]!, {
          groupBy: list(values["group-by"]),
          format,
          parameters: parseParams(values.param ?? []),
          only: list(values.indicator),
          ...(values.definitions ? { definitions: values.definitions } : {}),
        });
      }
      case "generate":
        need(args, 1, "formulär");
        return await generateCommand(io, args[0]!, {
          count: Number(values.count),
          seed: Number(values.seed),
          force: !!values.force,
          ...(values.out ? { out: values.out } : {}),
        });
      case "diff": {
        const diffOptions = {
          format: values.format,
          checkBump: !!values["check-bump"],
          force: !!values.force,
          ...(values.out ? { out: values.out } : {}),
          ...(values.migration ? { migration: values.migration } : {}),
        };
        if (values.base) {
          need(args, 1, "en schemafil att jämföra med samma fil i revisionen");
          return await diffCommand(io, args[0]!, args[1], { ...diffOptions, base: values.base });
        }
        need(args, 2, "två versioner (formulär@version eller schemafil)");
        return await diffCommand(io, args[0]!, args[1]!, diffOptions);
      }
      case "migrate":
        need(args, 1, "svarsfil");
        if (!values.to) throw new UsageError("Ange versionen som svaren ska flyttas till med --to, till exempel --to fia@2.0.0");
        const options: MigrateCommandOptions = {
          to: values.to,
          draft: !!values.draft,
          force: !!values.force,
          ...(values.out ? { out: values.out } : {}),
          ...(values.date ? { date: values.date } : {}),
        };
        return await migrateCommand(io, args[0]!, options);
      case "overlay":
        need(args, 2, "åtgärd (check eller apply) och overlayfil");
        return await overlayCommand(io, args[0]!, args[1]!, {
          ...(values.force ? { force: true } : {}),
          ...(values.out ? { out: values.out } : {}),
          ...(values.base ? { base: values.base } : {}),
        });
      case "lint":
        need(args, 1, "schemafil");
        return lintCommand(io, args);
      case "test":
        need(args, 1, "formulär eller schemafil");
        return testCommand(io, args[0]!);
      case "types":
        // A tool for the schemas' maintainers: its generator (json-schema-to-typescript) is an
        // optional peer dependency, loaded only here, so installing the engine does not pull it in.
        return await (await import("./commands/types.ts")).typesCommand(io, !!values.check, args[0]);
      default:
        throw new UsageError(`Okänt kommando ”${command}”. Skriv blankett --help för hjälp.`);
    }
  } catch (e) {
    // One clear line, never a stack trace: the user fixes input, not our code. Anything else is
    // our fault; its message may quote the input (an answer, a key), so only its name is shown.
    io.err(e instanceof InputError || e instanceof SchemaError ? e.message : internalErrorLine(e));
    if (e instanceof InputError) for (const line of e.details) io.err(line);
    return EXIT_UNUSABLE;
  }
}
