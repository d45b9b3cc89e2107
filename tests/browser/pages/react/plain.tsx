import Form from "@rjsf/core";
import { customizeValidator } from "@rjsf/validator-ajv8";
import Ajv2020 from "ajv/dist/2020.js";
import { useState } from "react";
import { ANNOTATION_KEYWORDS } from "../../../../engine/validation/ajv.ts";
import type { JsonSchema } from "@blankett/engine";

/** rjsf's validator on ajv's draft 2020-12 class, knowing our annotation keywords. */
const validator = customizeValidator({
  AjvClass: Ajv2020 as never,
  ajvOptionsOverrides: { keywords: Object.keys(ANNOTATION_KEYWORDS) },
});

/**
 * Plain @rjsf/core for comparison: controlled, liveValidate (rjsf's ajv over the whole form on
 * every change), default templates. Only constAsDefaults is off, so no option is pre-chosen.
 */
export function PlainRjsf({ schema, onChange }: { schema: JsonSchema; onChange: () => void }) {
  const [doc, setDoc] = useState<unknown>({});
  return (
    <Form
      schema={schema as never}
      formData={doc}
      validator={validator}
      liveValidate
      showErrorList="top"
      noHtml5Validate
      experimental_defaultFormStateBehavior={{ constAsDefaults: "never" }}
      onChange={(e) => {
        setDoc(e.formData);
        onChange();
      }}
    />
  );
}
