/**
 * @custom-elements-manifest/analyzer config: `cem analyze --config renderers/lit/custom-elements-manifest.config.mjs`
 * (npm run manifest:lit) writes renderers/lit/custom-elements.json from the components' source
 * and JSDoc (@fires, @cssprop, @csspart).
 */
export default {
  globs: ["renderers/lit/src/**/*.ts"],
  exclude: ["renderers/lit/src/**/*.test.ts"],
  outdir: "renderers/lit",
  litelement: true,
  packagejson: false,
};
