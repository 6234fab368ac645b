// Debian's HAProxy and PgBouncer, started for the cluster part of `npm run bench`
// (bench/cluster.ts): each in its own process group with a config in a temp folder, stopped by pid.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { freePort, tail } from "./app-server";
import { sleep } from "./stats";

type Daemon = { dir: string; port: number; logFile: string; stop: () => Promise<void> };

/** The first line of `bin -V`/`-v`, or null when the binary is not installed. */
export function version(bin: string, flag = "-V"): string | null {
  const r = spawnSync(bin, [flag], { encoding: "utf8" });
  return r.error || r.status !== 0 ? null : (r.stdout || r.stderr).split("\n")[0].trim();
}

function spawnDaemon(
  cmd: string,
  args: string[],
  logFile: string,
  opts: { uid?: number; gid?: number } = {},
): { child: ChildProcess; exited: () => string | null } {
  const out = fs.openSync(logFile, "a");
  const child = spawn(cmd, args, { detached: true, stdio: ["ignore", out, out], ...opts });
  fs.closeSync(out);
  let exited: string | null = null;
  child.on("exit", (code, signal) => (exited = `exit code ${code} signal ${signal}`));
  return { child, exited: () => exited };
}

async function stopGroup(child: ChildProcess, exited: () => string | null) {
  if (exited() || child.pid === undefined) return;
  try {
    process.kill(-child.pid, "SIGTERM");
  } catch {
    return;
  }
  for (let i = 0; i < 50 && !exited(); i++) await sleep(100);
  if (!exited()) {
    try {
      process.kill(-child.pid, "SIGKILL");
    } catch {}
  }
}

function waitForPort(port: number, exited: () => string | null, what: string, logFile: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  return new Promise((resolve, reject) => {
    const attempt = () => {
      if (exited()) return reject(new Error(`${what} ${exited()}:\n${tail(logFile)}`));
      const s = net.connect(port, "127.0.0.1");
      s.once("connect", () => (s.destroy(), resolve()));
      s.once("error", () => {
        s.destroy();
        if (Date.now() > deadline) reject(new Error(`${what} not listening on ${port} within ${timeoutMs} ms:\n${tail(logFile)}`));
        else setTimeout(attempt, 100);
      });
    };
    attempt();
  });
}

export type HAProxy = Daemon & { baseUrl: string; servers: () => Promise<{ name: string; status: string; requests: number }[]> };

/**
 * HAProxy in front of `backends` (base URLs): round robin, an HTTP health check on /api/health
 * every second (a server is out after 2 failures, back after 1 success), keep-alive on both
 * sides, X-Forwarded-For added (the app trusts one proxy), and a stats page read as CSV.
 */
export async function startHAProxy(backends: string[]): Promise<HAProxy> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "aegis-bench-haproxy-"));
  const port = await freePort();
  const statsPort = await freePort();
  const servers = backends.map((b, i) => `  server app${i} ${new URL(b).host}`).join("\n");
  const config = `global
  maxconn 4096
defaults
  mode http
  timeout connect 2s
  timeout client 70s
  timeout server 70s
  option http-keep-alive
  option forwardfor
frontend aegis
  bind 127.0.0.1:${port}
  default_backend app
backend app
  balance roundrobin
  option httpchk GET /api/health
  http-check expect status 200
  default-server check inter 1s fall 2 rise 1
${servers}
listen stats
  bind 127.0.0.1:${statsPort}
  stats enable
  stats uri /stats
`;
  const cfg = path.join(dir, "haproxy.cfg");
  fs.writeFileSync(cfg, config);
  const check = spawnSync("haproxy", ["-c", "-f", cfg], { encoding: "utf8" });
  if (check.status !== 0) throw new Error(`haproxy config invalid: ${check.stdout}${check.stderr}`);
  const logFile = path.join(dir, "haproxy.log");
  const { child, exited } = spawnDaemon("haproxy", ["-db", "-f", cfg], logFile);
  await waitForPort(port, exited, "haproxy", logFile);
  const read = async () => {
    const csv = await (await fetch(`http://127.0.0.1:${statsPort}/stats;csv`)).text();
    const [head, ...rows] = csv.trim().split("\n");
    const cols = head.replace(/^# /, "").split(",");
    const at = (name: string) => cols.indexOf(name);
    return rows
      .map((r) => r.split(","))
      .filter((c) => c[at("pxname")] === "app" && /^app\d+$/.test(c[at("svname")]))
      .map((c) => ({ name: c[at("svname")], status: c[at("status")], requests: Number(c[at("stot")]) }));
  };
  // Every server must have passed its health check before the load starts.
  const deadline = Date.now() + 15_000;
  while (!(await read()).every((s) => s.status === "UP")) {
    if (Date.now() > deadline) throw new Error(`haproxy: not every server is UP: ${JSON.stringify(await read())}`);
    await sleep(200);
  }
  return {
    dir,
    port,
    logFile,
    baseUrl: `http://127.0.0.1:${port}`,
    servers: read,
    stop: async () => {
      await stopGroup(child, exited);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export type PgBouncer = Daemon & { url: (database: string) => string; version: string };

/**
 * PgBouncer in transaction mode in front of the PostgreSQL at `server` (host:port), trust auth
 * for the `postgres` user. PgBouncer refuses to run as root: it runs as the postgres user.
 */
export async function startPgBouncer(server: URL, poolSize: number, listenPort?: number): Promise<PgBouncer> {
  const v = version("pgbouncer");
  if (!v) throw new Error("pgbouncer is not installed (apt-get install -y pgbouncer)");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "aegis-pgbouncer-"));
  const port = listenPort ?? (await freePort());
  const user = decodeURIComponent(server.username || "postgres");
  fs.writeFileSync(path.join(dir, "userlist.txt"), `"${user}" ""\n`);
  const logFile = path.join(dir, "pgbouncer.log");
  fs.writeFileSync(
    path.join(dir, "pgbouncer.ini"),
    `[databases]
* = host=${server.hostname} port=${server.port || 5432}
[pgbouncer]
listen_addr = 127.0.0.1
listen_port = ${port}
unix_socket_dir =
auth_type = trust
auth_file = ${dir}/userlist.txt
pool_mode = transaction
default_pool_size = ${poolSize}
max_client_conn = 1000
logfile = ${logFile}
pidfile = ${dir}/pgbouncer.pid
`,
  );
  const asRoot = process.getuid?.() === 0;
  let ids: { uid?: number; gid?: number } = {};
  if (asRoot) {
    const id = (flag: string) => Number(spawnSync("id", [flag, "postgres"], { encoding: "utf8" }).stdout.trim());
    ids = { uid: id("-u"), gid: id("-g") };
    fs.chownSync(dir, ids.uid!, ids.gid!);
    for (const f of fs.readdirSync(dir)) fs.chownSync(path.join(dir, f), ids.uid!, ids.gid!);
  }
  const { child, exited } = spawnDaemon("pgbouncer", [path.join(dir, "pgbouncer.ini")], path.join(dir, "stdout.log"), ids);
  await waitForPort(port, exited, "pgbouncer", logFile);
  return {
    dir,
    port,
    logFile,
    version: v,
    url: (database) => `postgres://${encodeURIComponent(user)}@127.0.0.1:${port}/${database}`,
    stop: async () => {
      await stopGroup(child, exited);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
