#!/usr/bin/env node
// `npm test`: unit tests, HTTP integration tests against the real app on a fresh
// embedded database, and the Python SDK's tests against a running server.
// Usage: node scripts/run-tests.mjs [unit|audit-verify|integration|integration-pg|sdk|sdk-ts|e2e|failover ...]
// (default: unit audit-verify integration sdk sdk-ts). Prints one closing line "N passed, N failed".
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const bin = (name) => path.join(root, "node_modules", ".bin", name);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "aegis-tests-"));

function vitest(name, args, env = {}) {
  const report = path.join(tmp, `${name}.json`);
  const run = spawnSync(bin("vitest"), ["run", ...args, "--reporter=default", "--reporter=json", `--outputFile.json=${report}`], {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, ...env },
  });
  let passed = 0;
  let failed = run.status === 0 ? 0 : 1;
  if (fs.existsSync(report)) {
    const r = JSON.parse(fs.readFileSync(report, "utf8"));
    passed = r.numPassedTests;
    failed = r.numFailedTests + (run.status !== 0 && r.numFailedTests === 0 ? 1 : 0);
  }
  return { passed, failed };
}

/** pyright (an npm devDependency, strict; configured in sdk/python/pyproject.toml) over the Python SDK. Counts as one test. */
function pythonTypes() {
  const run = spawnSync(bin("pyright"), ["-p", path.join(root, "sdk", "python")], { cwd: root, encoding: "utf8" });
  process.stdout.write(`pyright: ${run.stdout}${run.stderr}`);
  return run.status === 0;
}

function pythonSdk() {
  const typed = pythonTypes();
  const run = spawnSync("python3", ["-m", "unittest", "discover", "-s", "sdk/python/tests", "-t", "sdk/python", "-v"], {
    cwd: root,
    encoding: "utf8",
    env: process.env,
  });
  process.stdout.write(run.stdout);
  process.stderr.write(run.stderr);
  const out = run.stdout + run.stderr;
  const ran = Number(/Ran (\d+) tests?/.exec(out)?.[1] ?? 0);
  const m = /FAILED \(([^)]*)\)/.exec(out);
  const count = (k) => Number(new RegExp(`${k}=(\\d+)`).exec(m?.[1] ?? "")?.[1] ?? 0);
  const failed = m ? count("failures") + count("errors") : run.status === 0 ? 0 : 1;
  const skipped = Number(/skipped=(\d+)/.exec(out)?.[1] ?? 0);
  return { passed: Math.max(0, ran - failed - skipped) + (typed ? 1 : 0), failed: failed + (typed ? 0 : 1) };
}

function playwright() {
  const report = path.join(tmp, "e2e.json");
  const run = spawnSync(bin("playwright"), ["test", "--reporter=list,json"], {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, PLAYWRIGHT_JSON_OUTPUT_NAME: report },
  });
  if (!fs.existsSync(report)) return { passed: 0, failed: run.status === 0 ? 0 : 1 };
  const stats = JSON.parse(fs.readFileSync(report, "utf8")).stats;
  return { passed: stats.expected + stats.flaky, failed: stats.unexpected + (run.status !== 0 && stats.unexpected === 0 ? 1 : 0) };
}

/** The TypeScript SDK: typecheck its sources, tests and examples, build dist/, then its tests against a fresh server. */
function typescriptSdk() {
  const sdk = path.join(root, "sdk", "typescript");
  const typecheck = spawnSync(bin("tsc"), ["-p", "tsconfig.test.json"], { cwd: sdk, stdio: "inherit" });
  const build = typecheck.status === 0 && spawnSync(process.execPath, ["scripts/build.mjs"], { cwd: sdk, stdio: "inherit" });
  if (!build || build.status !== 0) return { passed: 0, failed: 1 };
  return vitest("sdk-ts", ["--config", path.join(sdk, "vitest.config.mts")]);
}

/** sdk/audit-verify: node's own test runner (the package has no dependencies, not even for its tests). */
function auditVerifier() {
  const run = spawnSync(process.execPath, ["--test", "test/"], { cwd: path.join(root, "sdk", "audit-verify"), encoding: "utf8" });
  process.stdout.write(run.stdout);
  process.stderr.write(run.stderr);
  const count = (k) => Number(new RegExp(`^# ${k} (\\d+)$`, "m").exec(run.stdout)?.[1] ?? 0);
  return { passed: count("pass"), failed: count("fail") + (run.status !== 0 && count("fail") === 0 ? 1 : 0) };
}

const steps = {
  unit: () => vitest("unit", []),
  integration: () => vitest("integration", ["--config", "vitest.integration.config.mts"]),
  "integration-pg": () => vitest("integration-pg", ["--config", "vitest.integration.config.mts"], { TEST_DATABASE: "postgres" }),
  sdk: pythonSdk,
  "sdk-ts": typescriptSdk,
  "audit-verify": auditVerifier,
  e2e: playwright,
  // Its own PostgreSQL clusters (Debian's pg_createcluster, as root): not part of `npm test`.
  failover: () => vitest("failover", ["--config", "vitest.failover.config.mts"]),
};

const chosen = process.argv.slice(2).length ? process.argv.slice(2) : ["unit", "audit-verify", "integration", "sdk", "sdk-ts"];
let passed = 0;
let failed = 0;
for (const name of chosen) {
  if (!steps[name]) {
    console.error(`unknown test step ${name}; choose from ${Object.keys(steps).join(", ")}`);
    process.exit(2);
  }
  console.log(`\n=== ${name} ===`);
  const r = steps[name]();
  console.log(`=== ${name}: ${r.passed} passed, ${r.failed} failed ===`);
  passed += r.passed;
  failed += r.failed;
}
fs.rmSync(tmp, { recursive: true, force: true });
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
