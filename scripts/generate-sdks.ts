/**
 * `npm run sdk:generate`: the generated half of both SDKs, from the OpenAPI document.
 *
 *   npm run sdk:generate                       from this repository's lib/api/openapi.ts (no server)
 *   npm run sdk:generate -- http://host:3000    from a running server's /api/v1/openapi.json
 *   npm run sdk:generate -- --check [source]    write nothing; exit 1 and name the stale files
 *
 * Writes the TypeScript SDK's types (openapi-typescript) and operation table, and the Python
 * SDK's Literal types, models and API methods. tests/unit/sdk-generated-match-openapi.test.ts
 * fails while the committed files differ from what this makes of the repository's document.
 */
import fs from "node:fs";
import path from "node:path";
import { buildOpenApiDocument } from "@/lib/api/openapi";
import { buildApiModel } from "./sdk/api-model";
import { pythonApi } from "./sdk/python-api";
import { pythonLiterals, pythonModels } from "./sdk/python-models";
import { GENERATED_NOTE } from "./sdk/python-types";
import { typescriptApi } from "./sdk/typescript-api";
// @ts-expect-error a plain .mjs module of the TypeScript SDK (openapi-typescript), shared with its tests
import { typesFromDocument } from "../sdk/typescript/scripts/openapi-types.mjs";

export const ROOT = path.resolve(import.meta.dirname, "..");

/** Every generated file (path relative to the repository → content) for one OpenAPI document. */
export async function generateSdkFiles(doc: Record<string, unknown>): Promise<Record<string, string>> {
  const model = buildApiModel(doc);
  const py = "sdk/python/aegis_os/_generated";
  return {
    "sdk/typescript/src/generated/openapi.ts": await typesFromDocument(doc),
    "sdk/typescript/src/generated/operations.ts": typescriptApi(model),
    [`${py}/__init__.py`]: `"""The half of the SDK made from the API's OpenAPI document.\n\n${GENERATED_NOTE}\n"""\n`,
    [`${py}/literals.py`]: pythonLiterals(model),
    [`${py}/models.py`]: pythonModels(model),
    [`${py}/api.py`]: pythonApi(model),
  };
}

/** The generated files whose committed content differs from `files`. */
export function staleFiles(files: Record<string, string>): string[] {
  return Object.entries(files)
    .filter(([file, content]) => !fs.existsSync(path.join(ROOT, file)) || fs.readFileSync(path.join(ROOT, file), "utf8") !== content)
    .map(([file]) => file);
}

async function readDocument(source: string | undefined): Promise<Record<string, unknown>> {
  if (!source) return buildOpenApiDocument("http://localhost:3000");
  if (/^https?:/.test(source)) {
    const res = await fetch(`${source.replace(/\/$/, "")}/api/v1/openapi.json`);
    if (!res.ok) throw new Error(`${source}/api/v1/openapi.json answered ${res.status}`);
    return res.json();
  }
  return JSON.parse(fs.readFileSync(source, "utf8"));
}

async function main(argv: string[]) {
  const check = argv.includes("--check");
  const source = argv.find((a) => a !== "--check");
  const files = await generateSdkFiles(await readDocument(source));
  const stale = staleFiles(files);
  if (check) {
    if (stale.length) {
      console.error(`stale generated SDK files (run npm run sdk:generate and commit):\n  ${stale.join("\n  ")}`);
      process.exit(1);
    }
    console.log(`the ${Object.keys(files).length} generated SDK files match ${source ?? "the repository's OpenAPI document"}`);
    return;
  }
  for (const file of stale) {
    fs.mkdirSync(path.dirname(path.join(ROOT, file)), { recursive: true });
    fs.writeFileSync(path.join(ROOT, file), files[file]);
    console.log(`wrote ${file}`);
  }
  console.log(`${stale.length} of ${Object.keys(files).length} generated SDK files changed`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  main(process.argv.slice(2)).catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
