import { defineConfig } from "vite";
import { allBundles, bundleConfig } from "./bundles.ts";

/**
 * `vite build -c renderers/lit/vite.config.ts` builds the full bundle (dist/blankett-form.js);
 * `tsx renderers/lit/build.ts` (npm run build:lit) builds every bundle and prints their sizes.
 */
export default defineConfig(bundleConfig(allBundles()[0]!, undefined, true));
