/** The React renderer: forms drawn by @rjsf/core from Blankett schemas, the engine deciding. */
export { BlankettForm, type BlankettFormProps, type AnswerDocument } from "./BlankettForm.tsx";
export { ChildLog, type ChildLogProps } from "./ChildLog.tsx";
export { draftKeyOf, type Draft } from "./drafts.ts";
export { blankettCss } from "./styles.ts";
export { resultInWords, valueInWords } from "./words.ts";
