// The Form component's own module, not @rjsf/core's index: the index also exports
// getTestRegistry, which imports @rjsf/validator-ajv8 (not a dependency of @rjsf/core), so a
// consumer's bundler fails to resolve it (tests/packages/tarballs.test.ts).
import Form from "@rjsf/core/lib/components/Form.js";
import type { FormProps, FormState } from "@rjsf/core";
import { createSchemaUtils, schemaHasNestedConditional, type RJSFSchema, type SchemaUtilsType } from "@rjsf/utils";
import { isPlainSchema } from "./uiSchema.ts";

const PATCHED = Symbol("blankett.noDefaults");

/**
 * rjsf's Form, minus two passes. On every change rjsf recomputes the default answers over the whole
 * schema (getDefaultFormState from the root: measured 1.6 ms of the ~8 ms a keystroke costs on
 * FIA). Our forms have no defaults (NO_DEFAULTS: no schema defaults, no pre-chosen options, no
 * rows for minItems, no empty objects), so for the root and existing answers that pass returns
 * the answers unchanged; it is skipped there. Every other call (a new row's empty item, a new
 * option's data) still goes to rjsf. The other pass: retrieveSchema, below.
 */
function trimSchemaUtils(utils: SchemaUtilsType): void {
  const marked = utils as SchemaUtilsType & { [PATCHED]?: true };
  if (marked[PATCHED]) return;
  const original = utils.getDefaultFormState.bind(utils);
  const root = utils.getRootSchema();
  marked.getDefaultFormState = ((schema: RJSFSchema, formData?: unknown, ...rest: unknown[]) => {
    if (schema === root && formData !== null && typeof formData === "object" && !Array.isArray(formData)) return formData;
    return (original as (...a: unknown[]) => unknown)(schema, formData, ...rest);
  }) as SchemaUtilsType["getDefaultFormState"];
  // A part with nothing to resolve is its own resolution (uiSchema.ts, isPlainSchema): rjsf would
  // copy it whole for every group drawn, and a new copy also defeats rjsf's memoised fields.
  const retrieve = utils.retrieveSchema.bind(utils);
  marked.retrieveSchema = ((schema: RJSFSchema, ...rest: unknown[]) => (isPlainSchema(schema) ? schema : (retrieve as (...a: unknown[]) => RJSFSchema)(schema, ...rest))) as SchemaUtilsType["retrieveSchema"];
  marked[PATCHED] = true;
}

export class EngineForm extends Form {
  constructor(props: FormProps) {
    super(props);
    trimSchemaUtils(this.state.schemaUtils);
  }

  override getStateFromProps(...args: Parameters<Form["getStateFromProps"]>): ReturnType<Form["getStateFromProps"]> {
    // A new schema or validator gives a new SchemaUtils; patch it before its first use here.
    const prev = (args[7] ?? this.state)?.schemaUtils;
    if (prev) trimSchemaUtils(prev);
    else {
      // The first call, from rjsf's constructor: rjsf would build its SchemaUtils and compute the
      // defaults over the whole schema before we could patch it (measured ~2% of the first render
      // on FIA), so it is built here as rjsf builds it, patched, and handed in as the state so far.
      const props = args[0];
      const fallback = args[8] ?? this.props;
      const utils = createSchemaUtils(
        "validator" in props ? props.validator : fallback.validator,
        "schema" in props ? props.schema : fallback.schema,
        "experimental_defaultFormStateBehavior" in props ? props.experimental_defaultFormStateBehavior : fallback.experimental_defaultFormStateBehavior,
        "experimental_customMergeAllOf" in props ? props.experimental_customMergeAllOf : fallback.experimental_customMergeAllOf,
      );
      trimSchemaUtils(utils);
      const root = utils.getRootSchema();
      args[7] = { schemaUtils: utils, hasNestedConditionalSchema: schemaHasNestedConditional(root, root) } as unknown as FormState;
    }
    const next = super.getStateFromProps(...args);
    trimSchemaUtils(next.schemaUtils);
    return next;
  }
}
