import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, inject, it } from "vitest";
import { startAppServer, testPort } from "./support/app-server";
import { signIn } from "./support/session";

// Issue 17, item 1: served to the network, the embedded demo's published password must open nothing.
// Each start seeds (or reuses) its own embedded database; the PostgreSQL run has nothing to add here.
const root = path.resolve(import.meta.dirname, "../..");
const DEMO_EMAILS = ["admin@acme.test", "controller@acme.test", "approver@acme.test", "approver2@acme.test", "viewer@acme.test"];

/** Runs a start command to its end (the guard makes it exit) and returns its exit code and output. */
function runToExit(cmd: string, args: string[], env: Record<string, string>): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: root, env: { ...process.env, DATABASE_URL: "", ...env }, stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    child.stdout.on("data", (c) => (out += c));
    child.stderr.on("data", (c) => (out += c));
    const timer = setTimeout(() => child.kill("SIGKILL"), 200_000);
    child.on("exit", (code) => {
      clearTimeout(timer);
      resolve({ code, out });
    });
  });
}

describe.runIf(inject("databaseKind") === "pglite")("the demo password on a network", () => {
  const dataDir = fs.mkdtempSync(path.join(process.env.AEGIS_TEST_RUN_DIR ?? os.tmpdir(), "aegis-demo-guard-"));

  it("npm start with HOSTNAME=0.0.0.0 refuses to start and says how to fix it", { timeout: 300_000 }, async () => {
    await expect(startAppServer({ port: testPort(40), dataDir, env: { HOSTNAME: "0.0.0.0" } })).rejects.toThrow(/did not become healthy/);
    const log = fs.readFileSync(path.join(dataDir, "server.log"), "utf8");
    expect(log).toContain("REFUSING TO START: this server listens on 0.0.0.0");
    for (const email of DEMO_EMAILS) expect(log).toContain(`npm run aegis -- user password --email ${email}`);
    expect(log).toContain("AEGIS_DEMO=0");
  });

  it("so does `next start` itself, which listens on every interface unless told otherwise", { timeout: 300_000 }, async () => {
    const secret = "demo-guard-test-secret";
    const res = await runToExit(path.join(root, "node_modules/.bin/next"), ["start", "-p", String(testPort(41))], {
      AEGIS_DATA_DIR: dataDir,
      NEXTAUTH_SECRET: secret,
      HOSTNAME: "",
    });
    expect(res.code).toBe(1);
    expect(res.out).toMatch(/REFUSING TO START: this server listens on (::|0\.0\.0\.0)/);
  });

  it("starts on the network once every demo password was changed with the CLI", { timeout: 600_000 }, async () => {
    for (const email of DEMO_EMAILS) {
      const cli = spawnSync(
        path.join(root, "node_modules/.bin/tsx"),
        ["scripts/aegis.ts", "user", "password", "--email", email, "--password", "a private one 42"],
        {
          cwd: root,
          env: { ...process.env, AEGIS_DATA_DIR: dataDir, DATABASE_URL: "" },
          encoding: "utf8",
        },
      );
      expect(cli.status, cli.stderr).toBe(0);
    }
    const server = await startAppServer({ port: testPort(40), dataDir, env: { HOSTNAME: "0.0.0.0" } });
    try {
      expect((await fetch(`${server.baseUrl}/api/health`)).status).toBe(200);
    } finally {
      await server.stop();
    }
  });
});

// Review finding: the client address is the socket's in every start mode, `next start` included.
describe.runIf(inject("databaseKind") === "pglite")("the client address under `next start`", () => {
  it("a forged X-Aegis-Peer-Address does not dodge the sign-in limit per address", { timeout: 300_000 }, async () => {
    const dataDir = fs.mkdtempSync(path.join(process.env.AEGIS_TEST_RUN_DIR ?? os.tmpdir(), "aegis-next-start-"));
    const port = testPort(42);
    const child = spawn(path.join(root, "node_modules/.bin/next"), ["start", "-p", String(port), "-H", "127.0.0.1"], {
      cwd: root,
      detached: true,
      stdio: "ignore",
      env: {
        ...process.env,
        DATABASE_URL: "",
        AEGIS_DATA_DIR: dataDir,
        AEGIS_DEMO: "0",
        NEXTAUTH_SECRET: "next-start-test-secret",
        NEXTAUTH_URL: `http://127.0.0.1:${port}`,
      },
    });
    const baseUrl = `http://127.0.0.1:${port}`;
    try {
      for (let i = 0; ; i++) {
        if (i > 600) throw new Error("next start did not become healthy");
        if (
          await fetch(`${baseUrl}/api/health`).then(
            (r) => r.ok,
            () => false,
          )
        )
          break;
        await new Promise((r) => setTimeout(r, 300));
      }
      // Every attempt claims another address; all come from this one socket address.
      const attempts: (string | null)[] = [];
      for (let i = 0; i < 21; i++) {
        const res = await signIn(`nobody-${i}@test.example`, "wrong password", {
          baseUrl,
          headers: { "X-Aegis-Peer-Address": `198.51.100.${i}`, "X-Aegis-Peer-Stamp": "guess" },
        });
        attempts.push(res.error);
      }
      expect(attempts.at(-1)).toContain("Too many failed sign-ins");
    } finally {
      process.kill(-child.pid!, "SIGTERM");
    }
  });
});
