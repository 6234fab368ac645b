// Part 2 for one database: start the app, set up data, measure over HTTP, then the bare-driver ceiling.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { appEnv, freePort, groupCpuSeconds, startApp, type AppServer } from "./app-server";
import { closedLoop, openLoop, type LoadResult } from "./http-load";
import { longPollWakeups, type LongPollResult } from "./long-poll";
import { pgCeiling, pgliteCeiling, type CeilingResult } from "./pg-ceiling";
import { createBenchAgent, readCredentialsFile, seedDemo } from "./setup-data";
import { log } from "./stats";

export type DbKind = "pglite" | "postgresql";
export type DbResult = {
  kind: DbKind;
  skipped?: string;
  error?: string;
  open?: LoadResult;
  runs?: LoadResult[];
  best?: LoadResult;
  ceiling?: CeilingResult;
  longPoll?: LongPollResult;
  serverIssues: string[];
};

const PG_ADMIN_URL = process.env.AEGIS_BENCH_PG_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

async function measureApp(app: AppServer, agentKey: string, approverKey: string, autoApproveLimit: number, r: DbResult) {
  log(`${r.kind}: warm-up (c=4, 3 s)`);
  await closedLoop(app.baseUrl, agentKey, 4, 3);
  r.open = await openLoop(app.baseUrl, agentKey, 20, 10);
  r.runs = [];
  for (const c of [1, 4, 16]) {
    const cpu0 = groupCpuSeconds(app.child.pid);
    const run = await closedLoop(app.baseUrl, agentKey, c, 8);
    run.cpuMsPerSubmit = ((groupCpuSeconds(app.child.pid) - cpu0) * 1000) / Math.max(1, run.ok);
    log(`  server CPU ${run.cpuMsPerSubmit.toFixed(1)} ms per submit`);
    r.runs.push(run);
  }
  r.best = r.runs.reduce((a, b) => (b.perSecond > a.perSecond ? b : a));
  // Above the auto-approve limit, at or below the admin-only threshold (5,000,000): one approver suffices.
  const amount = Math.min(5_000_000, Math.max(2_000_000, autoApproveLimit + 1));
  r.longPoll = await longPollWakeups(app.baseUrl, agentKey, approverKey, amount, 20);
}

/** Lines of the server log that point at trouble (errors, 5xx, failed decisions, slow queries). */
function serverIssues(logFile: string): string[] {
  if (!fs.existsSync(logFile)) return [];
  const lines = fs.readFileSync(logFile, "utf8").split("\n");
  const bad = lines.filter((l) => /error|failed|unhandled|\b5\d\d\b|timed? ?out|warn|slow|deadlock/i.test(l) && !/^\s*$/.test(l));
  const counts = new Map<string, number>();
  for (const l of bad) {
    const k = l.replace(/(int|apr|req|evt|led|dec)_[0-9a-z]+/g, "$1_…").slice(0, 240);
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  return [...counts].slice(0, 12).map(([l, n]) => (n > 1 ? `${n}× ${l}` : l));
}

export async function runDatabase(kind: DbKind): Promise<DbResult> {
  const r: DbResult = { kind, serverIssues: [] };
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `aegis-bench-${kind}-`));
  const dbName = `aegis_bench_${Date.now()}`;
  let admin: pg.Client | null = null;
  let databaseUrl: string | undefined;
  let app: AppServer | null = null;
  try {
    if (kind === "postgresql") {
      admin = new pg.Client({ connectionString: PG_ADMIN_URL, connectionTimeoutMillis: 3_000 });
      admin.on("error", (e) => log(`postgresql admin connection: ${e.message}`));
      try {
        await admin.connect();
      } catch (e) {
        admin = null;
        r.skipped = `PostgreSQL unreachable at ${PG_ADMIN_URL}: ${(e as Error).message}`;
        log(r.skipped);
        return r;
      }
      await admin.query(`CREATE DATABASE ${dbName}`);
      const url = new URL(PG_ADMIN_URL);
      url.pathname = `/${dbName}`;
      databaseUrl = url.toString();
      log(`postgresql: created database ${dbName}`);
    }
    const env = appEnv(dataDir, await freePort(), databaseUrl);
    app = await startApp(env, kind);
    const creds = kind === "pglite" ? await readCredentialsFile(dataDir) : await seedDemo(env);
    const data = await createBenchAgent(env, creds);
    await measureApp(app, data.agentKey, data.approverKey, data.autoApproveLimit, r);
    await app.stop();
    r.serverIssues = serverIssues(app.logFile);
    app = null;
    // The ceiling runs with the app stopped so the two do not share the 2 cores.
    r.ceiling = kind === "pglite" ? await pgliteCeiling(16, 8) : await pgCeiling(databaseUrl!, 16, 8);
  } catch (e) {
    r.error = (e as Error).message;
    log(`${kind}: FAILED: ${r.error}`);
  } finally {
    if (app) {
      await app.stop();
      r.serverIssues = serverIssues(app.logFile);
    }
    if (admin && process.env.AEGIS_BENCH_KEEP === "1") {
      log(`postgresql: kept database ${dbName} (AEGIS_BENCH_KEEP=1)`);
      await admin.end();
    } else if (admin) {
      await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`).catch((e) => log(`could not drop ${dbName}: ${e.message}`));
      await admin.end();
      log(`postgresql: dropped database ${dbName}`);
    }
    if (process.env.AEGIS_BENCH_KEEP === "1") log(`${kind}: kept data dir ${dataDir}`);
    else fs.rmSync(dataDir, { recursive: true, force: true });
  }
  return r;
}
