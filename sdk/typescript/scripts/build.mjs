#!/usr/bin/env node
// ESM and CommonJS builds with declarations (dist/esm, dist/cjs). TypeScript comes from the
// repository's devDependencies (or yours), so packing needs no network.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const tsc = createRequire(path.join(root, "package.json")).resolve("typescript/bin/tsc");
fs.rmSync(path.join(root, "dist"), { recursive: true, force: true });
for (const project of ["tsconfig.json", "tsconfig.cjs.json"]) {
  const run = spawnSync(process.execPath, [tsc, "-p", project], { cwd: root, stdio: "inherit" });
  if (run.status !== 0) process.exit(run.status ?? 1);
}
// The package is "type": "module"; the CommonJS half says so for itself.
fs.writeFileSync(path.join(root, "dist", "cjs", "package.json"), JSON.stringify({ type: "commonjs" }) + "\n");
console.log("built dist/esm and dist/cjs");
