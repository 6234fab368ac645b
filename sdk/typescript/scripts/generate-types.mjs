#!/usr/bin/env node
// Usage: node scripts/generate-types.mjs [base URL | path to openapi.json | --repo]
// Default: $AEGIS_BASE_URL or http://localhost:3000. `--repo` (`npm run sdk:types` at the
// repository root) builds the document from this repository's source, with no server.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { typesFromDocument } from "./openapi-types.mjs";

const repo = path.resolve(import.meta.dirname, "..", "..", "..");
const source = process.argv[2] ?? process.env.AEGIS_BASE_URL ?? "http://localhost:3000";

async function readDocument() {
  if (source === "--repo") {
    const script =
      'import { buildOpenApiDocument } from "./lib/api/openapi"; process.stdout.write(JSON.stringify(buildOpenApiDocument("http://localhost:3000")));';
    return JSON.parse(execFileSync(path.join(repo, "node_modules", ".bin", "tsx"), ["-e", script], { cwd: repo, encoding: "utf8", maxBuffer: 64 << 20 }));
  }
  if (/^https?:/.test(source)) return (await fetch(`${source.replace(/\/$/, "")}/api/v1/openapi.json`)).json();
  return JSON.parse(fs.readFileSync(source, "utf8"));
}

const out = path.join(import.meta.dirname, "..", "src", "generated", "openapi.ts");
fs.writeFileSync(out, await typesFromDocument(await readDocument()));
console.log(`wrote ${path.relative(process.cwd(), out)} from ${source === "--repo" ? "the repository's lib/api/openapi.ts" : source}`);
