import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

export type AppServer = {
  baseUrl: string;
  dataDir: string;
  databaseUrl: string | null;
  stop: () => Promise<void>;
  /** SIGKILL to the whole process group (a crash: no shutdown handler runs); resolves when it is gone. */
  kill: () => Promise<void>;
};

const root = path.resolve(import.meta.dirname, "../../..");

/** Starts the real app (`node scripts/start.mjs`, building if needed) in its own process group. */
/** Whether something accepts connections on 127.0.0.1:port. */
function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host: "127.0.0.1" });
    socket.once("connect", () => (socket.destroy(), resolve(true)));
    socket.once("error", () => resolve(false));
  });
}

/** Ports from AEGIS_TEST_PORT_BASE (default 3150) so parallel checkouts do not collide. */
export function testPort(offset: number) {
  return Number(process.env.AEGIS_TEST_PORT_BASE ?? 3150) + offset;
}

/** Where the app under test sends email; the notifications test listens there. */
export const smtpTestPort = () => testPort(process.env.TEST_DATABASE === "postgres" ? 35 : 25);

export async function startAppServer(opts: { port: number; databaseUrl?: string | null; env?: Record<string, string>; dataDir?: string }): Promise<AppServer> {
  // A server left over from an interrupted run would answer the health check below in place of
  // this one (on another database, with another data folder): refuse instead of testing it.
  if (await listening(opts.port)) throw new Error(`port ${opts.port} is already in use (a server left from an earlier run? \`ss -ltnp\` shows whose)`);
  // Inside the run's folder (global-setup.ts removes it at the end): a restart reuses the folder of
  // the server it replaces, so a folder cannot go with its server.
  const dataDir = opts.dataDir ?? fs.mkdtempSync(path.join(process.env.AEGIS_TEST_RUN_DIR ?? os.tmpdir(), "aegis-it-"));
  const logFile = path.join(dataDir, "server.log");
  const log = fs.openSync(logFile, "a");
  const child: ChildProcess = spawn(process.execPath, ["scripts/start.mjs"], {
    cwd: root,
    detached: true,
    stdio: ["ignore", log, log],
    env: {
      ...process.env,
      AEGIS_DATA_DIR: dataDir,
      PORT: String(opts.port),
      ...(opts.databaseUrl ? { DATABASE_URL: opts.databaseUrl } : { DATABASE_URL: "" }),
      ...opts.env,
    },
  });
  const baseUrl = `http://127.0.0.1:${opts.port}`;
  const stop = async () => {
    if (child.exitCode !== null) return;
    const exited = new Promise((r) => child.once("exit", r));
    try {
      process.kill(-child.pid!, "SIGTERM");
    } catch {
      return;
    }
    const timer = setTimeout(() => process.kill(-child.pid!, "SIGKILL"), 10_000);
    await exited;
    clearTimeout(timer);
  };
  const kill = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((r) => child.once("exit", r));
    try {
      process.kill(-child.pid!, "SIGKILL");
    } catch {
      return;
    }
    await exited;
  };
  const deadline = Date.now() + 200_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) break;
    try {
      const res = await fetch(`${baseUrl}/api/health`);
      if (res.ok) return { baseUrl, dataDir, databaseUrl: opts.databaseUrl ?? null, stop, kill };
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  await stop();
  throw new Error(`the app did not become healthy; log:\n${fs.readFileSync(logFile, "utf8").slice(-4000)}`);
}
