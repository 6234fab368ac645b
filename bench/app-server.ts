// Starts the real app (`node scripts/start.mjs`) in its own process group, waits for
// /api/health, and runs the admin CLI (scripts/aegis.ts) with the same environment.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { log, sleep } from "./stats";

export const ROOT = path.resolve(import.meta.dirname, "..");

export type AppServer = { baseUrl: string; env: NodeJS.ProcessEnv; child: ChildProcess; logFile: string; stop: () => Promise<void> };

function portFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = net.createServer();
    s.once("error", () => resolve(false));
    s.listen(port, "127.0.0.1", () => s.close(() => resolve(true)));
  });
}

/** A free loopback port, from AEGIS_BENCH_PORTS ("4200-4209") when set. */
export async function freePort(from = benchPorts()[0], to = benchPorts()[1]): Promise<number> {
  const start = from + Math.floor(Math.random() * (to - from + 1));
  for (let i = 0; i <= to - from; i++) {
    const port = from + ((start - from + i) % (to - from + 1));
    if (await portFree(port)) return port;
  }
  throw new Error(`no free port in ${from}-${to}`);
}

function benchPorts(): [number, number] {
  const m = /^(\d+)-(\d+)$/.exec(process.env.AEGIS_BENCH_PORTS ?? "");
  return m ? [Number(m[1]), Number(m[2])] : [3400, 3499];
}

/** Environment for the server and the CLI: the data dir, port, optional PostgreSQL URL. */
export function appEnv(dataDir: string, port: number, databaseUrl?: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    AEGIS_DATA_DIR: dataDir,
    PORT: String(port),
    AEGIS_RATE_LIMIT_PER_MINUTE: "0",
    AEGIS_SKIP_BUILD: "0",
    AEGIS_ADMIN_CHANNEL: "1", // set-up through bench/admin-channel.ts, on PostgreSQL too
    NEXT_TELEMETRY_DISABLED: "1",
  };
  delete env.DATABASE_URL;
  if (databaseUrl) env.DATABASE_URL = databaseUrl;
  return env;
}

/** Spawns the server detached (own process group) and waits until /api/health says ok. */
export async function startApp(env: NodeJS.ProcessEnv, label: string, timeoutMs = 240_000): Promise<AppServer> {
  const baseUrl = `http://127.0.0.1:${env.PORT}`;
  const logFile = path.join(env.AEGIS_DATA_DIR!, `server-${label}.log`);
  fs.mkdirSync(env.AEGIS_DATA_DIR!, { recursive: true });
  const out = fs.openSync(logFile, "a");
  const child = spawn(process.execPath, ["scripts/start.mjs"], { cwd: ROOT, env, detached: true, stdio: ["ignore", out, out] });
  fs.closeSync(out);
  let exited: string | null = null;
  child.on("exit", (code, signal) => (exited = `exit code ${code} signal ${signal}`));

  const stop = async () => {
    if (exited || child.pid === undefined) return;
    try {
      process.kill(-child.pid, "SIGTERM");
    } catch {
      return;
    }
    for (let i = 0; i < 100 && !exited; i++) await sleep(100);
    if (!exited) {
      log(`${label}: server did not stop within 10 s of SIGTERM; sending SIGKILL`);
      try {
        process.kill(-child.pid, "SIGKILL");
      } catch {}
    }
  };

  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (exited) throw new Error(`${label}: server ${exited} before it was healthy; see ${logFile}:\n${tail(logFile)}`);
    try {
      const res = await fetch(`${baseUrl}/api/health`, { signal: AbortSignal.timeout(5_000) });
      if (res.ok) {
        const body = (await res.json()) as { status?: string; database?: string };
        if (body.status === "ok") {
          log(`${label}: healthy at ${baseUrl} (database ${body.database})`);
          return { baseUrl, env, child, logFile, stop };
        }
      }
    } catch {}
    await sleep(500);
  }
  await stop();
  throw new Error(`${label}: server not healthy within ${timeoutMs / 1000} s; see ${logFile}:\n${tail(logFile)}`);
}

export function tail(file: string, lines = 30): string {
  try {
    return fs.readFileSync(file, "utf8").split("\n").slice(-lines).join("\n");
  } catch {
    return "(no log)";
  }
}

/** Runs `npx tsx scripts/aegis.ts ...args` and returns stdout; throws with stderr on failure. */
export function runCli(env: NodeJS.ProcessEnv, args: string[], timeoutMs = 120_000): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn("npx", ["tsx", "scripts/aegis.ts", ...args], { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    const timer = setTimeout(() => child.kill("SIGTERM"), timeoutMs);
    child.on("close", (code) => {
      clearTimeout(timer);
      if (code === 0) resolve(stdout);
      else reject(new Error(`aegis ${args.join(" ")} exited ${code}: ${stderr.trim() || stdout.trim()}`));
    });
  });
}

/** Parses the last JSON value a CLI printed (it may log lines before it). */
export function parseCliJson<T = unknown>(stdout: string): T {
  const text = stdout.trim();
  try {
    return JSON.parse(text) as T;
  } catch {
    for (const open of ["{", "["]) {
      for (let i = text.indexOf(open); i >= 0; i = text.indexOf(open, i + 1)) {
        try {
          return JSON.parse(text.slice(i)) as T;
        } catch {}
      }
    }
    throw new Error(`CLI did not print JSON: ${text.slice(0, 500)}`);
  }
}

/** CPU seconds (user + system) used so far by every live process in a process group (Linux /proc; NaN elsewhere). */
export function groupCpuSeconds(pgid: number | undefined): number {
  if (pgid === undefined || !fs.existsSync("/proc/self/stat")) return NaN;
  let ticks = 0;
  for (const pid of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" "); // fields from #3 (state) on
      if (Number(fields[2]) !== pgid) continue; // #5 pgrp
      ticks += Number(fields[11]) + Number(fields[12]); // #14 utime, #15 stime
    } catch {}
  }
  return ticks / 100; // USER_HZ is 100 on Linux
}

/** CPU seconds (user + system) of every process whose command name is `comm` (e.g. "postgres": the server and its backends). */
export function commandCpuSeconds(comm: string): number {
  if (!fs.existsSync("/proc/self/stat")) return NaN;
  let ticks = 0;
  for (const pid of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
      if (stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")")) !== comm) continue;
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      // utime, stime, and the reaped children's cutime, cstime: a backend that exits between two
      // readings leaves its time in the postmaster's, so the difference never loses it.
      ticks += Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14]);
    } catch {}
  }
  return ticks / 100;
}
