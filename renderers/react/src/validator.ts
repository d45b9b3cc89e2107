import Ajv2020 from "ajv/dist/2020.js";
import { customizeValidator } from "@rjsf/validator-ajv8";
import { ANNOTATION_KEYWORDS } from "../../../engine/validation/ajv.ts";

/** rjsf's validator on ajv's draft 2020-12 class, knowing our annotation keywords. */
export const rjsfValidator = customizeValidator({
  AjvClass: Ajv2020 as never,
  ajvOptionsOverrides: { keywords: Object.keys(ANNOTATION_KEYWORDS) },
});
