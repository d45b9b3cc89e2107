/** Modules the peer benchmark's Vite plugin provides (bench/peers.ts). */
declare module "virtual:fia-schema" {
  /** FIA 1.0.0 without reviewer-only text (description, $comment, examples), as the Lit bundle carries it. */
  const schema: Record<string, any>;
  export default schema;
}
declare module "virtual:fia-jsonforms" {
  const form: { schema: Record<string, any>; uischema: Record<string, any> };
  export default form;
}
declare module "virtual:fia-survey" {
  const survey: Record<string, any>;
  export default survey;
}
