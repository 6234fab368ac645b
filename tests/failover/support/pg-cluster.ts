import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";

/**
 * Throwaway PostgreSQL 15 clusters made with Debian's own tools (postgresql-common):
 * pg_createcluster, pg_basebackup -R, pg_ctlcluster start/stop/promote, pg_dropcluster. They run
 * as the `postgres` user, on 127.0.0.1 with trust authentication, never touching the main cluster.
 */
export type Cluster = { name: string; port: number; dataDir: string; confDir: string };

const VERSION = "15";
const run = (cmd: string, args: string[]) => execFileSync(cmd, args, { stdio: ["ignore", "pipe", "pipe"], encoding: "utf8", timeout: 120_000 });
/** pg_ctlcluster as root would hand over to systemd where it runs; these clusters are ours alone. */
const ctl = (name: string, ...action: string[]) => run("pg_ctlcluster", ["--skip-systemctl-redirect", VERSION, name, ...action]);

export function clusterExists(name: string): boolean {
  return fs.existsSync(`/etc/postgresql/${VERSION}/${name}`);
}

/** Drops the cluster (stopping it first) if it exists; never throws (it runs in clean-up). */
export function dropCluster(name: string): void {
  if (!clusterExists(name)) return;
  try {
    run("pg_dropcluster", ["--stop", VERSION, name]);
  } catch (e) {
    console.warn(`[failover] pg_dropcluster ${name}: ${(e as Error).message}`);
  }
}

/**
 * The first port from `from` on where `count` consecutive ports are free for new clusters: no
 * cluster of postgresql-common is configured on them (running or not) and no server's socket is
 * there. AEGIS_FAILOVER_PG_PORT pins the start; a developer's own cluster on 5441 no longer makes
 * the failover tests fail at start with "Port conflict".
 */
export function freeClusterPorts(from: number, count: number): number {
  if (!fs.existsSync("/usr/bin/pg_lsclusters")) return from; // no postgresql-common: canManageClusters() skips the test
  const taken = new Set(
    run("pg_lsclusters", ["--no-header"])
      .split("\n")
      .map((line) => Number(line.trim().split(/\s+/)[2]))
      .filter((port) => port > 0),
  );
  const free = (port: number) => !taken.has(port) && !fs.existsSync(`/var/run/postgresql/.s.PGSQL.${port}`);
  for (let port = from; port < from + 200; port++) {
    if (Array.from({ length: count }, (_, k) => port + k).every(free)) return port;
  }
  throw new Error(`no ${count} free PostgreSQL ports from ${from}`);
}

/** A new cluster with trust authentication on 127.0.0.1 and `settings` in its conf.d; not started. */
export function createCluster(name: string, port: number, settings: Record<string, string>): Cluster {
  dropCluster(name); // a previous run that was killed before its clean-up
  run("pg_createcluster", [VERSION, name, "-p", String(port), "--start-conf=manual", "--", "--auth-local=trust", "--auth-host=trust"]);
  const cluster = { name, port, dataDir: `/var/lib/postgresql/${VERSION}/${name}`, confDir: `/etc/postgresql/${VERSION}/${name}` };
  writeSettings(cluster, settings);
  return cluster;
}

export function writeSettings(cluster: Cluster, settings: Record<string, string>): void {
  const lines = Object.entries(settings).map(([k, v]) => `${k} = ${v}`);
  fs.writeFileSync(`${cluster.confDir}/conf.d/failover-test.conf`, `${lines.join("\n")}\n`);
}

/**
 * Makes `standby` a streaming replica of `primary`: its data folder is replaced by a base backup
 * taken with -R (standby.signal plus primary_conninfo, whose application_name is the name the
 * primary's synchronous_standby_names waits for).
 */
export function makeStandby(standby: Cluster, primary: Cluster, applicationName: string): void {
  // Emptied, not removed: the folder stays the postgres user's (its parent is not).
  for (const entry of fs.readdirSync(standby.dataDir)) fs.rmSync(path.join(standby.dataDir, entry), { recursive: true, force: true });
  run("runuser", [
    "-u",
    "postgres",
    "--",
    "pg_basebackup",
    "-d",
    `host=127.0.0.1 port=${primary.port} user=postgres application_name=${applicationName}`,
    "-D",
    standby.dataDir,
    "-R",
    "-X",
    "stream",
    "--checkpoint=fast",
  ]);
}

export const startCluster = (c: Cluster) => ctl(c.name, "start");
/** The crash: no shutdown checkpoint, every backend gone at once. */
export const killCluster = (c: Cluster) => ctl(c.name, "stop", "-m", "immediate");
/** pg_ctlcluster promote waits until the standby has left recovery. */
export const promoteCluster = (c: Cluster) => ctl(c.name, "promote");

export async function query<T = Record<string, unknown>>(c: Cluster, text: string, params: unknown[] = [], database = "postgres"): Promise<T[]> {
  const client = new pg.Client({ host: "127.0.0.1", port: c.port, user: "postgres", database });
  await client.connect();
  try {
    return (await client.query(text, params)).rows as T[];
  } finally {
    await client.end();
  }
}

/** Whether this process may run Debian's cluster tools (root, or the postgres user itself). */
export function canManageClusters(): string | null {
  if (process.getuid?.() !== 0 && process.env.USER !== "postgres") return "the failover test runs pg_createcluster: run it as root or postgres";
  if (!fs.existsSync("/usr/bin/pg_createcluster") || !fs.existsSync(`/usr/lib/postgresql/${VERSION}/bin/postgres`)) {
    return "pg_createcluster or PostgreSQL 15 is missing: install Debian's postgresql-15 (postgresql-common)";
  }
  return null;
}
