import { defaultClientConditions, defineConfig } from "vite";
import react from "@vitejs/plugin-react";

export default defineConfig({
  plugins: [react()],
  // The workspace packages resolve to their TypeScript sources (see each package.json's exports).
  resolve: { conditions: ["@blankett/source", ...defaultClientConditions] },
  // The embed page loads the built web-component bundle; it is served by examples/embed/serve.ts.
  optimizeDeps: { entries: ["index.html"] },
  server: { host: "127.0.0.1", port: 5173 },
  preview: { host: "127.0.0.1" },
});
