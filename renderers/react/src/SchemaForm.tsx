import Form from "@rjsf/core";
import type { IChangeEvent } from "@rjsf/core";
import { useMemo, useState } from "react";
import { refOf, type JsonSchema } from "../../../engine/index.ts";
import { swedishErrors } from "./errors.ts";
import { toUiSchema } from "./uiSchema.ts";
import { rjsfValidator } from "./validator.ts";
import { translateSwedish } from "./translate.ts";

export interface SchemaFormProps {
  schema: JsonSchema;
  initial?: Record<string, unknown>;
  onSubmit?: (doc: Record<string, unknown>) => void;
}

/** The first React renderer: @rjsf/core straight from the schema and its hints, Swedish errors. */
export function SchemaForm({ schema, initial, onSubmit }: SchemaFormProps) {
  const [doc, setDoc] = useState<Record<string, unknown>>(() => initial ?? { meta: { schema: refOf(schema), status: "draft" } });
  const uiSchema = useMemo(() => toUiSchema(schema, doc), [schema, doc]);
  const transformErrors = useMemo(() => swedishErrors(schema), [schema]);
  return (
    <Form
      schema={schema as never}
      uiSchema={uiSchema}
      formData={doc}
      validator={rjsfValidator}
      liveValidate
      showErrorList="top"
      focusOnFirstError
      noHtml5Validate
      transformErrors={transformErrors}
      translateString={translateSwedish}
      // Never pre-select an option the person did not choose.
      experimental_defaultFormStateBehavior={{ constAsDefaults: "never" }}
      onChange={(e: IChangeEvent) => setDoc(e.formData as Record<string, unknown>)}
      onSubmit={(e: IChangeEvent) => onSubmit?.(e.formData as Record<string, unknown>)}
    >
      <button type="submit">Skicka</button>
    </Form>
  );
}
