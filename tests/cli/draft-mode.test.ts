/** A document that says it is a draft (`meta.status: "draft"`) is checked as one, as with --draft (issue 11, point 8). */
import { describe, expect, it } from "vitest";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { run } from "../../engine/cli/main.ts";

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await run(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join("\n"), err: err.join("\n") };
}

const dir = mkdtempSync(join(tmpdir(), "blankett-draft-"));
const write = (name: string, doc: unknown) => {
  const file = join(dir, name);
  writeFileSync(file, JSON.stringify(doc));
  return file;
};

describe("meta.status draft implies --draft", () => {
  const draft = write("utkast.json", { meta: { schema: "fia@1.0.0", status: "draft" }, intervju: { datum: "2026-01-05" } });
  const complete = write("klar.json", { meta: { schema: "fia@1.0.0", status: "complete" }, intervju: { datum: "2026-01-05" } });

  it("validate: a draft with unanswered questions is valid as a draft; the same answers marked complete are not", async () => {
    const d = await cli("validate", "fia@1.0.0", draft);
    expect(d.code).toBe(0);
    expect(d.out).toContain("giltigt (utkast");
    const c = await cli("validate", "fia@1.0.0", complete);
    expect(c.code).toBe(1);
  });

  it("check and score read the status too", async () => {
    expect((await cli("check", "fia@1.0.0", draft)).code).toBe(0);
    expect((await cli("check", "fia@1.0.0", complete)).code).toBe(1);
    const score = await cli("score", "fia@1.0.0", draft);
    expect(score.code).toBe(0);
  });

  it("--help says that score and check take schema files", async () => {
    const help = await cli("--help");
    expect(help.out + help.err).toMatch(/score <formulär@version\|schema\.json>/);
    expect(help.out + help.err).toMatch(/check <formulär@version\|schema\.json>/);
  });
});
