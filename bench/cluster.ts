// The cluster part of `npm run bench` (PostgreSQL; AEGIS_BENCH_CLUSTER=0 skips it): 1, 2 and 4
// production app instances (`next start`, bench/app-server.ts) on one PostgreSQL database behind
// Debian's HAProxy (round robin, health checks on /api/health), closed-loop submits through it;
// the shared rate limit checked across 4 instances behind HAProxy; and submits through Debian's
// PgBouncer in transaction mode against the same instance connecting directly.
// Standalone: `npx tsx bench/cluster.ts` prints the section and replaces it in bench/latest-results.md.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { appEnv, freePort, startApp, type AppServer } from "./app-server";
import { closedLoop, submitOnce, type LoadResult } from "./http-load";
import { startHAProxy, startPgBouncer, version } from "./proxies";
import { createBenchAgents, demoCredentials } from "./setup-data";
import { fmt, log, sleep } from "./stats";

const PG_ADMIN_URL = process.env.AEGIS_BENCH_PG_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const INSTANCES = [1, 2, 4];
const CONCURRENCY = [8, 32];
const SECONDS = 10;
const ROUNDS = Number(process.env.AEGIS_BENCH_CLUSTER_ROUNDS ?? 2);
const RATE_LIMIT = 60;
const POOLER_POOL = 10;
const RATE_BURST = 4 * RATE_LIMIT;

type Run = LoadResult & { instances: number; spread: number[]; round: number };
type Through = { label: string; round: number; run: LoadResult };
export type ClusterResult = {
  haproxy?: string;
  pgbouncer?: string;
  runs: Run[];
  rateLimit?: { sent: number; created: number; limited: number; other: Record<string, number>; perInstance: number[]; oneWindow: boolean };
  poolers: Through[];
  skipped?: string;
  error?: string;
};

export async function benchCluster(): Promise<ClusterResult> {
  const r: ClusterResult = { runs: [], poolers: [] };
  r.haproxy = version("haproxy", "-v") ?? undefined;
  r.pgbouncer = version("pgbouncer") ?? undefined;
  if (!r.haproxy) {
    r.skipped = "HAProxy is not installed: `apt-get install -y haproxy` (Debian's) to measure several instances";
    log(`cluster: ${r.skipped}`);
    return r;
  }
  const admin = new pg.Client({ connectionString: PG_ADMIN_URL, connectionTimeoutMillis: 3_000 });
  try {
    await admin.connect();
  } catch (e) {
    r.skipped = `PostgreSQL unreachable at ${PG_ADMIN_URL}: ${(e as Error).message}`;
    return r;
  }
  const dbName = `aegis_bench_cluster_${Date.now()}`;
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${dbName}`;
  const direct = url.toString();
  const dirs: string[] = [];
  const apps: AppServer[] = [];
  const start = async (label: string, extra: Record<string, string> = {}, databaseUrl = direct) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), `aegis-bench-${label}-`));
    dirs.push(dir);
    // One proxy (HAProxy) stands in front: the client's address comes from its X-Forwarded-For.
    const app = await startApp({ ...appEnv(dir, await freePort(), databaseUrl), AEGIS_TRUSTED_PROXIES: "1", ...extra }, label);
    apps.push(app);
    return app;
  };
  const stopAll = async () => {
    for (const a of apps.splice(0)) await a.stop();
  };
  try {
    await admin.query(`CREATE DATABASE ${dbName}`);
    const first = await start("cluster-0");
    const data = await createBenchAgents(first, await demoCredentials(first, "postgresql"), 9);
    const keys = data.agents.slice(0, 8).map((a) => a.key);
    const limitedKey = data.agents[8].key;
    for (let i = 1; i < Math.max(...INSTANCES); i++) await start(`cluster-${i}`);

    // Rounds alternate 1, 2, 4, 1, 2, 4: on a shared machine the load drifts, and a config measured
    // only once, early or late, would carry the drift as if it were its own.
    for (let round = 1; round <= ROUNDS; round++)
      for (const n of INSTANCES) {
        const lb = await startHAProxy(apps.slice(0, n).map((a) => a.baseUrl));
        try {
          log(`cluster: ${n} instance(s) behind HAProxy at ${lb.baseUrl}; warm-up`);
          await closedLoop(lb.baseUrl, keys, 8, 3);
          for (const c of CONCURRENCY) {
            const before = (await lb.servers()).map((s) => s.requests);
            const run = await closedLoop(lb.baseUrl, keys, c, SECONDS);
            const spread = (await lb.servers()).map((s, i) => s.requests - before[i]);
            log(`  ${n} instance(s), c=${c}: requests per instance ${spread.join(" / ")}`);
            r.runs.push({ ...run, instances: n, spread, round });
          }
        } finally {
          await lb.stop();
        }
      }

    // The rate limit is one budget per key across every instance (lib/limits: PostgreSQL or
    // Redis), not one per process: a burst over 4 instances must get RATE_LIMIT answers, not 4×.
    await stopAll();
    for (let i = 0; i < 4; i++) await start(`cluster-limited-${i}`, { AEGIS_RATE_LIMIT_PER_MINUTE: String(RATE_LIMIT) });
    const lb = await startHAProxy(apps.map((a) => a.baseUrl));
    try {
      // The limit's windows are fixed minutes aligned to the epoch (lib/limits/limit-store.ts): start
      // the burst at the top of one, so it all falls in one window and must get RATE_LIMIT at most.
      const intoWindow = Date.now() % 60_000;
      if (intoWindow > 15_000) await sleep(60_000 - intoWindow + 500);
      const window = Math.floor(Date.now() / 60_000);
      const before = (await lb.servers()).map((s) => s.requests);
      const statuses: Record<string, number> = {};
      let next = 0;
      await Promise.all(
        Array.from({ length: 16 }, async () => {
          while (next < RATE_BURST) {
            next++;
            const s = await submitOnce(lb.baseUrl, limitedKey);
            statuses[s.status] = (statuses[s.status] ?? 0) + 1;
          }
        }),
      );
      const perInstance = (await lb.servers()).map((s, i) => s.requests - before[i]);
      const { 201: created = 0, 429: limited = 0, ...other } = statuses;
      const oneWindow = Math.floor(Date.now() / 60_000) === window;
      r.rateLimit = { sent: RATE_BURST, created, limited, other, perInstance, oneWindow };
      log(`cluster: rate limit ${RATE_LIMIT}/min over 4 instances: ${created} created, ${limited} limited`, other, `per instance ${perInstance.join(" / ")}`);
    } finally {
      await lb.stop();
    }
    await stopAll();

    // PgBouncer in transaction mode: 2 instances behind HAProxy straight to PostgreSQL (20 server
    // connections), with and without named statements, and 2 through PgBouncer (a pool of 10; named
    // statements off: Debian's 1.18 cannot carry them across server connections). All six stay up
    // and the rounds alternate, so the machine's drifting load falls on every path alike.
    if (r.pgbouncer) {
      const bouncer = await startPgBouncer(url, POOLER_POOL);
      const balancers: Awaited<ReturnType<typeof startHAProxy>>[] = [];
      try {
        const variants: [string, Record<string, string>, string][] = [
          ["direct, named statements", {}, direct],
          ["direct, unnamed statements", { AEGIS_DB_NAMED_STATEMENTS: "0" }, direct],
          [`PgBouncer (transaction, pool ${POOLER_POOL}), unnamed`, { AEGIS_DB_NAMED_STATEMENTS: "0", DATABASE_DIRECT_URL: direct }, bouncer.url(dbName)],
        ];
        const paths: { label: string; baseUrl: string }[] = [];
        for (const [i, [label, extra, dbUrl]] of variants.entries()) {
          const pair = [await start(`cluster-pooler-${i}a`, extra, dbUrl), await start(`cluster-pooler-${i}b`, extra, dbUrl)];
          const lb = await startHAProxy(pair.map((a) => a.baseUrl));
          balancers.push(lb);
          paths.push({ label, baseUrl: lb.baseUrl });
          await closedLoop(lb.baseUrl, keys, 8, 3);
        }
        for (let round = 1; round <= ROUNDS; round++)
          for (const p of paths)
            for (const c of CONCURRENCY) {
              log(`cluster: round ${round}, 2 instances, ${p.label}`);
              r.poolers.push({ label: `${p.label}, c=${c}`, round, run: await closedLoop(p.baseUrl, keys, c, SECONDS) });
            }
      } finally {
        for (const lb of balancers) await lb.stop();
        await stopAll();
        await bouncer.stop();
      }
    }
  } catch (e) {
    r.error = (e as Error).message;
    log(`cluster: FAILED: ${r.error}`);
  } finally {
    await stopAll();
    await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`).catch((e) => log(`could not drop ${dbName}: ${e.message}`));
    await admin.end();
    for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
  }
  return r;
}

const statusText = (s: Record<string, number>) =>
  Object.entries(s)
    .filter(([k]) => k !== "201")
    .map(([k, v]) => `${v}× ${k}`)
    .join(", ") || "none";

export function renderCluster(r: ClusterResult): string {
  const out = [`## Several instances behind HAProxy, and PgBouncer`, ``];
  if (r.skipped) return [...out, `Skipped: ${r.skipped}.`].join("\n");
  out.push(
    `${r.haproxy}; ${r.pgbouncer ?? "PgBouncer not installed"}. Production builds (\`next start\`) on one PostgreSQL 15 database, ` +
      `each instance with its own pool of 10 connections; HAProxy balances round robin and health-checks GET /api/health every second. ` +
      `Closed-loop submits (8 agents in turn, each auto-approved) for ${SECONDS} s after a 3 s warm-up, in ${ROUNDS} round(s) of 1, 2, 4 instances; client, proxies, instances and ` +
      `PostgreSQL all on this machine's ${os.cpus().length} cores. Load average ${os
        .loadavg()
        .map((l) => l.toFixed(1))
        .join(" / ")} at the end.`,
    ``,
    `| Round | Instances | Concurrency | Submits/s | p50 | p99 | Requests per instance | Non-201 |`,
    `|---:|---:|---:|---:|---:|---:|---|---|`,
    ...r.runs.map(
      (x) =>
        `| ${x.round} | ${x.instances} | ${x.label.replace("closed loop c=", "")} | ${fmt(x.perSecond)} | ${fmt(x.p50Ms)} ms | ${fmt(x.p99Ms)} ms | ${x.spread.join(" / ")} | ${statusText(x.statuses)} |`,
    ),
  );
  if (r.rateLimit) {
    const l = r.rateLimit;
    out.push(
      ``,
      `Shared rate limit behind HAProxy: 4 instances with AEGIS_RATE_LIMIT_PER_MINUTE=${RATE_LIMIT}, one agent key, ${l.sent} submits at c=16 ` +
        `(requests per instance ${l.perInstance.join(" / ")}): **${l.created} created, ${l.limited} answered 429**` +
        `${Object.keys(l.other).length ? `, other: ${statusText(l.other)}` : ""} ` +
        `(${l.created === RATE_LIMIT ? "exactly the one budget" : l.created <= RATE_LIMIT ? "within the one budget" : "MORE than one budget"}` +
        `${l.oneWindow ? ", the burst inside one minute window" : ", but the burst crossed a minute window: two budgets apply"}; per-process limits would have let up to ${4 * RATE_LIMIT} through).`,
    );
  }
  if (r.poolers.length) {
    out.push(
      ``,
      `Two instances behind HAProxy (pools of 10 each), submits straight to PostgreSQL and through PgBouncer in transaction mode ` +
        `(DATABASE_DIRECT_URL carries LISTEN and the migrations), rounds alternating between the three paths:`,
      ``,
      `| Round | Path | Submits/s | p50 | p99 | Non-201 |`,
      `|---:|---|---:|---:|---:|---|`,
      ...r.poolers.map(
        (p) => `| ${p.round} | ${p.label} | ${fmt(p.run.perSecond)} | ${fmt(p.run.p50Ms)} ms | ${fmt(p.run.p99Ms)} ms | ${statusText(p.run.statuses)} |`,
      ),
    );
  }
  if (r.error) out.push(``, `Failed: ${r.error}`);
  return out.join("\n");
}

/** Replaces (or appends) this section in bench/latest-results.md. */
export function writeClusterSection(section: string) {
  const file = path.join(import.meta.dirname, "latest-results.md");
  const text = fs.existsSync(file) ? fs.readFileSync(file, "utf8") : "# Benchmark results\n";
  const head = "## Several instances behind HAProxy, and PgBouncer";
  const at = text.indexOf(head);
  const nextHead = at >= 0 ? text.indexOf("\n## ", at + head.length) : -1;
  const updated = at < 0 ? `${text.trimEnd()}\n\n${section}\n` : `${text.slice(0, at)}${section}\n${nextHead >= 0 ? text.slice(nextHead) : ""}`;
  fs.writeFileSync(file, updated);
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  benchCluster().then(
    (r) => {
      const section = renderCluster(r);
      console.log(`\n${section}`);
      writeClusterSection(section);
      process.exit(r.error ? 1 : 0);
    },
    (e) => {
      console.error(e);
      process.exit(1);
    },
  );
}
