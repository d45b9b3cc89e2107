import { describe, expect, it } from "vitest";
import { mkdtempSync, mkdirSync, writeFileSync, copyFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { checkMigration, checkMigrationPaths } from "../../engine/migrate/check.ts";
import { loadMigrations } from "../../engine/node/migrations.ts";
import { InputError } from "../../engine/node/files.ts";
import { lintSchema } from "../../engine/lint/lint.ts";
import type { Migration } from "../../engine/migrate/types.ts";
import { ROOT, readJson } from "../helpers.ts";
import { migrations, registry, schemaOf } from "./helpers.ts";

const fia = readJson<Migration>(join(ROOT, "schemas/fia/migrations/1.1.0-2.0.0.json"));
const withOp = (op: unknown): unknown => ({ ...fia, operations: [op] });

describe("the migration files", () => {
  it("load and pass the meta-schema and the path checks", () => {
    expect(migrations("fia").map((m) => `${m.from}-${m.to}`)).toEqual(["1.0.0-1.1.0", "1.1.0-2.0.0", "2.0.0-2.1.0"]);
    expect(migrations("barnahuslogg").map((m) => `${m.from}-${m.to}`)).toEqual(["1.0.0-2.0.0", "2.0.0-2.1.0"]);
    expect(migrations("sue").map((m) => `${m.from}-${m.to}`)).toEqual(["1.0.0-2.0.0"]);
  });

  it("the new schema versions lint clean and name their version", () => {
    for (const [name, version] of [["fia", "1.1.0"], ["fia", "2.0.0"], ["fia", "2.1.0"], ["barnahuslogg", "2.0.0"], ["barnahuslogg", "2.1.0"], ["sue", "2.0.0"]] as const) {
      const file = join(ROOT, "schemas", name, `${version}.schema.json`);
      expect(lintSchema(readJson(file), { fileName: file })).toEqual([]);
      const s = schemaOf(`${name}@${version}`);
      expect(s.$id).toBe(`https://blankett.example/schemas/${name}/${version}`);
      expect(s["x-instrument"]).toMatchObject({ name, version });
    }
  });
});

describe("checkMigration (form and inner consistency)", () => {
  it("accepts the real files", () => {
    expect(checkMigration(fia)).toEqual([]);
  });

  it("names a misspelled key, an unknown operation and a missing reason", () => {
    expect(checkMigration(withOp({ op: "move", form: "a", to: "b" }))).toEqual(expect.arrayContaining([expect.stringContaining("okänd nyckel ”form”")]));
    expect(checkMigration(withOp({ op: "rename", from: "a", to: "b" })).join()).toMatch(/måste vara ett av move, recode/);
    expect(checkMigration(withOp({ op: "drop", path: "a" })).join()).toMatch(/”reason” saknas/);
  });

  it("refuses paths that reach a prototype or are not dot paths", () => {
    for (const path of ["__proto__.x", "a.constructor", "a..b", "a[0]", "a/b"]) {
      expect(checkMigration(withOp({ op: "drop", path, reason: "R" })), path).not.toEqual([]);
    }
  });

  it("checks what the meta-schema cannot: version order, wildcards, rule options, where", () => {
    expect(checkMigration({ ...fia, from: "2.0.0", to: "1.1.0", operations: [] }).join()).toMatch(/senare version/);
    expect(checkMigration(withOp({ op: "move", from: "a[].b", to: "c" })).join()).toMatch(/lika många \[\]/);
    expect(checkMigration(withOp({ op: "move", from: "a", to: "a.b" })).join()).toMatch(/i varandra/);
    expect(checkMigration(withOp({ op: "merge", from: ["a", "b"], to: "c", rule: "join", order: ["x", "y"] })).join()).toMatch(/order gäller bara/);
    expect(checkMigration(withOp({ op: "merge", from: ["a", "b"], to: "c", rule: "join", labels: ["A"] })).join()).toMatch(/en etikett per källa/);
    expect(checkMigration(withOp({ op: "moveRows", from: "h", where: { nosuchop: [1] }, to: "s[]", fields: { a: "a" } })).join()).toMatch(/where går inte att läsa/);
  });
});

describe("checkMigrationPaths (against the two schema versions)", () => {
  const from = schemaOf("fia@1.1.0");
  const to = schemaOf("fia@2.0.0");
  const paths = (op: unknown) => checkMigrationPaths({ ...fia, operations: [op] } as Migration, from, to);

  it("accepts the real file", () => {
    expect(checkMigrationPaths(fia, from, to)).toEqual([]);
  });

  it("names a path that does not exist, and a code that is not an option", () => {
    expect(paths({ op: "move", from: "livssituation.halsa.kroppslig", to: "livssituation.kroppsligHalsa" })).toEqual([
      "operation 1 (move): ”livssituation.halsa.kroppslig” finns inte i fia@1.1.0",
    ]);
    expect(paths({ op: "move", from: "livssituation.boende", to: "livssituation.bostad" })).toEqual([
      "operation 1 (move): ”livssituation.bostad” finns inte i fia@2.0.0",
    ]);
    expect(paths({ op: "recode", path: "sammanstallning.klientensRangordning[]", map: { alkohol_droger: "levnadsvanor" } })).toEqual([
      "operation 1 (recode): ”levnadsvanor” är inget svarsalternativ i fia@2.0.0",
    ]);
    expect(paths({ op: "recode", path: "sammanstallning.klientensRangordning[]", map: { alkohol: "levnadsvanor_beteenden" } })).toEqual([
      "operation 1 (recode): ”alkohol” är inget svarsalternativ i fia@1.1.0",
    ]);
  });
});

describe("loadMigrations", () => {
  function schemasWith(file: string, content: unknown): string {
    const dir = mkdtempSync(join(tmpdir(), "blankett-migrations-"));
    mkdirSync(join(dir, "fia", "migrations"), { recursive: true });
    copyFileSync(join(ROOT, "schemas/fia/migrations/1.0.0-1.1.0.json"), join(dir, "fia/migrations/1.0.0-1.1.0.json"));
    writeFileSync(join(dir, "fia", "migrations", file), typeof content === "string" ? content : JSON.stringify(content));
    return dir;
  }

  it("refuses a broken file in one Swedish line naming it", () => {
    const dir = schemasWith("1.1.0-2.0.0.json", withOp({ op: "drop", path: "livssituation.halsa.nosuch", reason: "R" }));
    expect(() => loadMigrations("fia", registry, dir)).toThrow(InputError);
    expect(() => loadMigrations("fia", registry, dir)).toThrow(
      "Migreringen schemas/fia/migrations/1.1.0-2.0.0.json går inte att använda: operation 1 (drop): ”livssituation.halsa.nosuch” finns inte i fia@1.1.0",
    );
  });

  it("refuses a file named for other versions, or not JSON", () => {
    expect(() => loadMigrations("fia", registry, schemasWith("1.1.0-3.0.0.json", fia))).toThrow(/ska heta 1\.1\.0-2\.0\.0\.json/);
    expect(() => loadMigrations("fia", registry, schemasWith("1.1.0-2.0.0.json", "{ nope"))).toThrow(/inte giltig JSON/);
  });
});
