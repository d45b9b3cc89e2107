/** The React renderer: forms drawn by @rjsf/core from Blankett schemas, the engine deciding. */
export { BlankettForm, type BlankettFormProps, type AnswerDocument } from "./BlankettForm.tsx";
export { ChildLog, type ChildLogProps } from "./ChildLog.tsx";
// The draft key and words are the engine's (shared with the Lit renderer); re-exported under the names this package has always had.
export { draftKey as draftKeyOf, type Draft } from "@blankett/engine";
export { adoptBlankettStyles, blankettCss } from "./styles.ts";
export { resultInWords, valueInWords } from "@blankett/engine";
