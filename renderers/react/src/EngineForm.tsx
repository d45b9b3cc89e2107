// The Form component's own module, not @rjsf/core's index: the index also exports
// getTestRegistry, which imports @rjsf/validator-ajv8 (not a dependency of @rjsf/core), so a
// consumer's bundler fails to resolve it (tests/packages/tarballs.test.ts).
import Form from "@rjsf/core/lib/components/Form.js";
import type { FormProps } from "@rjsf/core";
import type { RJSFSchema, SchemaUtilsType } from "@rjsf/utils";

const PATCHED = Symbol("blankett.noDefaults");

/**
 * rjsf's Form, minus one pass. On every change rjsf recomputes the default answers over the whole
 * schema (getDefaultFormState from the root: measured 1.6 ms of the ~8 ms a keystroke costs on
 * FIA). Our forms have no defaults (NO_DEFAULTS: no schema defaults, no pre-chosen options, no
 * rows for minItems, no empty objects), so for the root and existing answers that pass returns
 * the answers unchanged; it is skipped there. Every other call (a new row's empty item, a new
 * option's data) still goes to rjsf.
 */
function skipRootDefaults(utils: SchemaUtilsType): void {
  const marked = utils as SchemaUtilsType & { [PATCHED]?: true };
  if (marked[PATCHED]) return;
  const original = utils.getDefaultFormState.bind(utils);
  const root = utils.getRootSchema();
  marked.getDefaultFormState = ((schema: RJSFSchema, formData?: unknown, ...rest: unknown[]) => {
    if (schema === root && formData !== null && typeof formData === "object" && !Array.isArray(formData)) return formData;
    return (original as (...a: unknown[]) => unknown)(schema, formData, ...rest);
  }) as SchemaUtilsType["getDefaultFormState"];
  marked[PATCHED] = true;
}

export class EngineForm extends Form {
  constructor(props: FormProps) {
    super(props);
    skipRootDefaults(this.state.schemaUtils);
  }

  override getStateFromProps(...args: Parameters<Form["getStateFromProps"]>): ReturnType<Form["getStateFromProps"]> {
    // A new schema or validator gives a new SchemaUtils; patch it before its first use here.
    const prev = (args[7] ?? this.state)?.schemaUtils;
    if (prev) skipRootDefaults(prev);
    const next = super.getStateFromProps(...args);
    skipRootDefaults(next.schemaUtils);
    return next;
  }
}
