import Ajv2020 from "ajv/dist/2020.js";
import hintsMeta from "@blankett/schemas/hints.meta.json" with { type: "json" };
import { formats } from "./formats.ts";

/** Our annotation keywords; each value is checked against its part of `hints.meta.json`. */
export const ANNOTATION_KEYWORDS = {
  "x-ui": "ui",
  "x-instrument": "instrument",
  "x-rules": "rules",
  "x-score": "score",
  "x-review": "review",
} as const;

export const HINTS_META_ID = hintsMeta.$id;

export type AjvInstance = InstanceType<typeof Ajv2020>;

/**
 * One configured ajv: draft 2020-12, all errors at once. Strict where a mistake would change
 * what is checked without a word — an unknown keyword (a typo such as `maxLenght` would otherwise
 * check nothing), an ignored `format` or a number ajv cannot represent — and not where the schema
 * is valid 2020-12 that a schema author will write: a keyword without a matching `type`
 * (`{"minimum": 5}`), a tuple without an item limit, `required` naming a property that
 * `properties` does not declare. schemas/README.md says the same for schema authors.
 * `$ref`s kept as separate functions (`inlineRefs: false`) because one huge inlined function is
 * never optimised by V8. No `loadSchema`: a remote `$ref` fails to compile instead of being fetched.
 */
export function createAjv(code: Record<string, unknown> = { source: false }, options: { messages?: boolean } = {}): AjvInstance {
  const ajv = new Ajv2020({
    ...options,
    strictSchema: true,
    strictNumbers: true,
    strictTypes: false,
    strictTuples: false,
    strictRequired: false,
    allErrors: true,
    inlineRefs: false,
    allowUnionTypes: true,
    code,
  });
  for (const [name, format] of Object.entries(formats)) ajv.addFormat(name, format as never);
  ajv.addSchema(hintsMeta);
  for (const [keyword, def] of Object.entries(ANNOTATION_KEYWORDS)) {
    ajv.addKeyword({ keyword, metaSchema: { $ref: `${hintsMeta.$id}#/$defs/${def}` } });
  }
  return ajv;
}

let forDefinitions: AjvInstance | undefined;

/**
 * One ajv shared by the checks of our own definition formats (hints, indicators, migrations,
 * overlays): their meta-schemas have distinct `$id`s, and each new ajv compiles the draft
 * 2020-12 meta-schema again, a noticeable part of a CLI run's start-up. Schemas of forms are
 * still compiled each in an ajv of its own, so one form can never `$ref` another.
 */
export function definitionsAjv(): AjvInstance {
  forDefinitions ??= createAjv();
  return forDefinitions;
}
