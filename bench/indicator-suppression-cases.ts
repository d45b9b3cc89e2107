/**
 * The two cases of issue 14 (SUE point 5) on generated records: how many large cells (100 or
 * more people) suppression hides, by sex and by sex × age band. Usage:
 *   node bin/blankett.js generate sue@1.0.0 --count 2000 --seed 1 > /tmp/sue-2000.ndjson
 *   tsx --conditions=@blankett/source bench/indicator-suppression-cases.ts /tmp/sue-2000.ndjson [kon,aldersgrupp] [--list]
 * Prints the hidden large cells (with their true counts: for the developer's eyes only, never
 * for publishing) and the groups merged or left out.
 */
import { readFileSync } from "node:fs";
import { loadSchemaRef } from "../engine/node/files.ts";
import { loadIndicatorFile } from "../engine/node/indicators.ts";
import { IndicatorAccumulator } from "../engine/indicators/accumulate.ts";

const [file, groups = "kon", flag] = process.argv.slice(2) as [string, string?, string?];
const schema = loadSchemaRef("sue@1.0.0");
const acc = new IndicatorAccumulator(loadIndicatorFile(schema), { groupBy: groups.split(",") });
for (const line of readFileSync(file, "utf8").split("\n")) if (line.trim()) acc.add(JSON.parse(line));
const key = (c: { indicator: string; group: Record<string, string>; category?: string }) => `${c.indicator} ${Object.values(c.group).join("/")} ${c.category ?? ""}`;
const truth = new Map(acc.unsuppressedReport().cells.map((c) => [key(c), c]));
const report = acc.report(acc.parameters.suppressBelow!);
const hiddenLarge = report.cells.filter((c) => c.suppressed === "secondary" && truth.get(key(c))!.denominator! >= 100 && truth.get(key(c))!.numerator! >= 5);
if (flag === "--list") for (const c of hiddenLarge) console.log("dold:", key(c), truth.get(key(c))!.numerator, "av", truth.get(key(c))!.denominator);
for (const s of report.smallGroups ?? []) console.log(`${s.indicator}: ${s.group} ${s.values.join(", ")} ${s.action === "merged" ? "sammanslagna" : "utelämnade"}`);
console.log(JSON.stringify({ groups, cells: report.cells.length, hidden: report.cells.filter((c) => c.suppressed).length, hiddenLargeSecondary: hiddenLarge.length }));
