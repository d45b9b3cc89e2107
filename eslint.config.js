// The seams between packages, checked in `npm test`: no import cycles, and each package reached
// only through its entry points (package.json `exports`), never by a relative path into it.
import tseslint from "typescript-eslint";
import { importX } from "eslint-plugin-import-x";
import { createTypeScriptImportResolver } from "eslint-import-resolver-typescript";

const crossPackage = (name) => ({ regex: `^(\\.\\./)+(.*/)?${name}(/|$)`, message: `Importera ${name} genom paketets ingång (@blankett/…), inte med en relativ sökväg.` });

export default tseslint.config(
  // Only the seams are checked here; directives meant for other tools are not ours to report.
  { linterOptions: { reportUnusedDisableDirectives: "off" } },
  { ignores: ["**/dist/**", "**/node_modules/**", "schemas/validators/**", "renderers/lit/custom-elements.json"] },
  {
    files: ["engine/**/*.ts", "renderers/**/*.{ts,tsx}", "examples/**/*.{ts,tsx}"],
    languageOptions: { parser: tseslint.parser },
    plugins: { "import-x": importX, "@typescript-eslint": tseslint.plugin },
    settings: { "import-x/extensions": [".ts", ".tsx", ".js"], "import-x/parsers": { "@typescript-eslint/parser": [".ts", ".tsx"] }, "import-x/resolver-next": [createTypeScriptImportResolver({ project: "tsconfig.json", conditionNames: ["@blankett/source", "types", "import", "default"] })] },
    rules: { "import-x/no-cycle": ["error", { ignoreExternal: true }] },
  },
  {
    files: ["engine/**/*.ts"],
    rules: {
      "@typescript-eslint/no-restricted-imports": ["error", {
        paths: ["react", "react-dom", "lit", "@blankett/react", "@blankett/elements"].map((name) => ({ name, message: "Motorn importerar ingen renderare." })),
        patterns: [crossPackage("renderers"), crossPackage("schemas"), { group: ["@blankett/engine", "@blankett/engine/*"], message: "Inom motorn: relativa importer." }],
      }],
    },
  },
  {
    files: ["renderers/react/**/*.{ts,tsx}"],
    rules: {
      "@typescript-eslint/no-restricted-imports": ["error", {
        paths: [{ name: "lit", message: "Renderarna importerar inte varandra." }, { name: "@blankett/elements", message: "Renderarna importerar inte varandra." }],
        patterns: [crossPackage("engine"), crossPackage("schemas"), crossPackage("lit"), { group: ["@blankett/engine/compiler"], message: "Renderaren bär inte ajv:s kompilator; sidan som behöver den importerar @blankett/engine/compiler själv." }],
      }],
    },
  },
  {
    files: ["renderers/lit/**/*.ts"],
    rules: {
      "@typescript-eslint/no-restricted-imports": ["error", {
        paths: [{ name: "react", message: "Renderarna importerar inte varandra.", allowTypeImports: true }, { name: "@blankett/react", message: "Renderarna importerar inte varandra." }],
        patterns: [crossPackage("engine"), crossPackage("schemas"), crossPackage("react"), { group: ["@blankett/engine/compiler"], message: "Webbkomponenterna bär inte ajv:s kompilator (strikt CSP)." }],
      }],
    },
  },
  {
    files: ["examples/**/*.{ts,tsx}"],
    rules: {
      "@typescript-eslint/no-restricted-imports": ["error", { patterns: [crossPackage("engine"), crossPackage("renderers")] }],
    },
  },
);
