// `npm install ./sdk/audit-verify` works with no registry (--offline) into an empty project, and
// the installed bin verifies an export.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { test } from "node:test";

const pkg = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");

test("installs offline and its bin runs", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "aegis-audit-verify-install-"));
  try {
    fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify({ name: "auditor", version: "1.0.0", private: true }));
    const install = spawnSync("npm", ["install", "--offline", "--install-links", "--no-audit", "--no-fund", pkg], { cwd: dir, encoding: "utf8" });
    assert.equal(install.status, 0, install.stdout + install.stderr);
    const installed = path.join(dir, "node_modules", "@aegis-os", "audit-verify");
    assert.ok(!fs.lstatSync(installed).isSymbolicLink(), "a copy, not a link to the repository");
    assert.deepEqual(fs.readdirSync(path.join(dir, "node_modules")).sort(), [".bin", ".package-lock.json", "@aegis-os"], "no dependencies came with it");
    const run = spawnSync(path.join(dir, "node_modules", ".bin", "aegis-audit-verify"), [path.join(pkg, "test", "fixtures", "export.jsonl")], {
      encoding: "utf8",
    });
    assert.equal(run.status, 0, run.stdout + run.stderr);
    assert.match(run.stdout, /^INTACT/);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
