import { defineConfig } from "vitest/config";

export default defineConfig({
  // The workspace packages resolve to their TypeScript sources (see each package.json's exports).
  resolve: { conditions: ["@blankett/source"] },
  ssr: { resolve: { conditions: ["@blankett/source"] } },
  test: {
    include: ["tests/**/*.test.ts"],
    testTimeout: 30_000,
    pool: "forks",
  },
});
