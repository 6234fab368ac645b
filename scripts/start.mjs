#!/usr/bin/env node
// `npm start`: build the app if there is no up-to-date build, then serve it. The server
// itself migrates the database, seeds the demo (embedded database only) and prints the
// demo credentials on first start (see instrumentation.ts).
import { spawn, spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

const root = path.resolve(import.meta.dirname, "..");
const dataDir = path.resolve(root, process.env.AEGIS_DATA_DIR ?? ".data");
const port = process.env.PORT ?? "3000";
// Loopback unless asked: a fresh start serves a demo admin with a published password.
const hostname = process.env.HOSTNAME?.trim() || "127.0.0.1";
const exposed = !/^(127\.|localhost$|::1$)/.test(hostname);
const next = path.join(root, "node_modules", ".bin", "next");

function newestMtime(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === "node_modules" || entry.name.startsWith(".")) continue;
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : fs.statSync(full).mtimeMs);
  }
  return newest;
}

function buildIsCurrent() {
  const buildId = path.join(root, ".next", "BUILD_ID");
  if (!fs.existsSync(buildId)) return false;
  const built = fs.statSync(buildId).mtimeMs;
  const sources = ["app", "components", "lib", "prisma", "public"].map((d) => path.join(root, d)).filter((d) => fs.existsSync(d));
  const configs = ["next.config.ts", "package.json", "instrumentation.ts", "proxy.ts", "postcss.config.mjs"]
    .map((f) => path.join(root, f))
    .filter((f) => fs.existsSync(f));
  return Math.max(...sources.map(newestMtime), ...configs.map((f) => fs.statSync(f).mtimeMs)) <= built;
}

/** A stable session secret for the dashboard, generated once and kept in the data folder. */
function sessionSecret() {
  if (process.env.NEXTAUTH_SECRET) return process.env.NEXTAUTH_SECRET;
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const file = path.join(dataDir, "nextauth-secret");
  if (!fs.existsSync(file)) fs.writeFileSync(file, crypto.randomBytes(32).toString("base64url"), { mode: 0o600 });
  return fs.readFileSync(file, "utf8").trim();
}

const env = {
  ...process.env,
  AEGIS_DATA_DIR: dataDir,
  NEXTAUTH_SECRET: sessionSecret(),
  NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? `http://localhost:${port}`,
  NEXT_MANUAL_SIG_HANDLE: "1",
  NEXT_TELEMETRY_DISABLED: "1",
  // The socket's address on every request, which a client cannot forge (see the file).
  NODE_OPTIONS: [process.env.NODE_OPTIONS, `--import=${JSON.stringify(pathToFileURL(path.join(root, "scripts", "request-guard.mjs")).href)}`]
    .filter(Boolean)
    .join(" "),
};

/** Two starts at once (tests, a developer) must not both write .next: builds take turns. */
async function withBuildLock(fn) {
  const lock = path.join(root, ".next-build.lock");
  for (;;) {
    try {
      fs.mkdirSync(lock);
      fs.writeFileSync(path.join(lock, "pid"), String(process.pid));
      break;
    } catch {
      let holder = 0;
      try {
        holder = Number(fs.readFileSync(path.join(lock, "pid"), "utf8"));
      } catch {
        /* being created */
      }
      let alive = false;
      try {
        if (holder) {
          process.kill(holder, 0);
          alive = true;
        }
      } catch {
        alive = false;
      }
      if (holder && !alive) fs.rmSync(lock, { recursive: true, force: true });
      else await new Promise((r) => setTimeout(r, 500));
    }
  }
  try {
    return fn();
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
}

if (process.env.AEGIS_SKIP_BUILD !== "1") {
  await withBuildLock(() => {
    if (buildIsCurrent()) return;
    console.log("[start] building the app (next build)…");
    const build = spawnSync(next, ["build"], { cwd: root, stdio: "inherit", env: { ...env, NEXT_MANUAL_SIG_HANDLE: undefined } });
    if (build.status !== 0) process.exit(build.status ?? 1);
  });
}

// The server itself refuses to serve the network while a demo person still has the published password
// (lib/server/demo-password-guard.ts, run by instrumentation.ts in every start mode).
console.log(`[start] listening on ${hostname}:${port}${exposed ? "" : " (this machine only; HOSTNAME=0.0.0.0 serves the network)"}`);
const server = spawn(next, ["start", "-p", port, "-H", hostname], { cwd: root, stdio: "inherit", env });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
