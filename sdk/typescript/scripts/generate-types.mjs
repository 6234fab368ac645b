#!/usr/bin/env node
// Usage: node scripts/generate-types.mjs [base URL | path to openapi.json]
// Default: $AEGIS_BASE_URL or http://localhost:3000.
import fs from "node:fs";
import path from "node:path";
import { typesFromDocument } from "./openapi-types.mjs";

const source = process.argv[2] ?? process.env.AEGIS_BASE_URL ?? "http://localhost:3000";
const doc = /^https?:/.test(source)
  ? await (await fetch(`${source.replace(/\/$/, "")}/api/v1/openapi.json`)).json()
  : JSON.parse(fs.readFileSync(source, "utf8"));
const out = path.join(import.meta.dirname, "..", "src", "generated", "openapi.ts");
fs.writeFileSync(out, await typesFromDocument(doc));
console.log(`wrote ${path.relative(process.cwd(), out)} from ${source}`);
