import { Registry, type JsonSchema } from "../../engine/index.ts";

const files = import.meta.glob<JsonSchema>("../../schemas/*/*.schema.json", { eager: true, import: "default" });

/** Every schema version in the repository, bundled into the example app. */
export const registry = new Registry(Object.values(files));
