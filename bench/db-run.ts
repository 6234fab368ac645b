// Part 2 for one database: start the app, set up data, measure over HTTP (floor, loops, long-poll,
// history), count the approve path's statements (PostgreSQL), then the bare-driver ceiling.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { spawn } from "node:child_process";
import { appEnv, freePort, parseCliJson, ROOT, startApp, type AppServer } from "./app-server";
import type { InProcessRun } from "./in-process-decisions";
import { compareHistory, seedHistory, type HistoryResult } from "./history";
import type { LongPollResult } from "./long-poll";
import { measureApp, measureLongPoll, type AppFigures } from "./measure-app";
import { pgCeiling, pgliteCeiling, type CeilingResult } from "./pg-ceiling";
import { createBenchAgents, demoCredentials } from "./setup-data";
import { measureCardAuthorizations, type CardRun } from "./card-authorizations";
import { countStatements, type StatementCount } from "./statement-count";
import { log } from "./stats";

export type DbKind = "pglite" | "postgresql";
export type DbResult = AppFigures & {
  kind: DbKind;
  skipped?: string;
  error?: string;
  ceiling?: CeilingResult;
  /** PostgreSQL: poll on instance A, approve on instance B. */
  longPollCross?: LongPollResult;
  history?: HistoryResult;
  statements?: StatementCount;
  /** The same submits through submitIntent in one process: no HTTP, no Next.js. */
  inProcess?: InProcessRun[];
  /** Card rails: the answer to a signed issuing_authorization.request, covered and with no intent. */
  cards?: CardRun[];
  serverIssues: string[];
};

const PG_ADMIN_URL = process.env.AEGIS_BENCH_PG_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const LOAD_AGENTS = 8;
const HISTORY = Number(process.env.AEGIS_BENCH_HISTORY_INTENTS ?? 100_000);

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
  const servers: AppServer[] = [];
  let admin: pg.Client | null = null;
  let databaseUrl: string | undefined;
  const start = async (label: string, dir = dataDir, extra: Record<string, string> = {}) => {
    const s = await startApp({ ...appEnv(dir, await freePort(), databaseUrl), ...extra }, label);
    servers.push(s);
    return s;
  };
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
    let app = await start(kind);
    const data = await createBenchAgents(app, await demoCredentials(app, kind), LOAD_AGENTS + 2);
    const load = data.agents.slice(0, LOAD_AGENTS);
    const [fresh, loaded] = data.agents.slice(LOAD_AGENTS);
    await measureApp(
      app,
      kind,
      load.map((a) => a.key),
      r,
    );
    r.longPoll = await measureLongPoll(app, load[0].key, data.approverKey, data.autoApproveLimit);
    r.cards = await measureCardAuthorizations(app);
    if (kind === "postgresql") {
      const bDir = fs.mkdtempSync(path.join(os.tmpdir(), "aegis-bench-b-"));
      const b = await start("postgresql-b", bDir);
      r.longPollCross = await measureLongPoll(app, load[1].key, data.approverKey, data.autoApproveLimit, b);
      await b.stop();
      r.serverIssues.push(...serverIssues(b.logFile));
      fs.rmSync(bDir, { recursive: true, force: true });
    }

    const restart = async (between: () => Promise<void>) => {
      await app.stop();
      await between();
      return (app = await start(`${kind}-restarted`));
    };
    const seeded = await seedHistory(app, kind, databaseUrl, restart, data.orgId, loaded.id, HISTORY);
    app = seeded.app;
    r.history = { seeded: HISTORY, seedSeconds: seeded.seconds, ...(await compareHistory(app.baseUrl, fresh.key, loaded.key)) };
    await app.stop();

    if (kind === "postgresql" && admin) {
      r.statements = await countStatements(admin, dbName, () => start("postgresql-statements", dataDir, { AEGIS_DISABLE_JOBS: "1" }), fresh.key);
    }
    // The ceiling runs with the app stopped so the two do not share the 2 cores.
    r.ceiling = kind === "pglite" ? await pgliteCeiling(16, 8) : await pgCeiling(databaseUrl!, 16, 8);
    const inProcessEnv: NodeJS.ProcessEnv = { ...appEnv(dataDir, 0, databaseUrl), AEGIS_DISABLE_JOBS: "1" };
    delete inProcessEnv.PORT; // no server here
    r.inProcess = await inProcessDecisions(inProcessEnv);
    log(
      `${kind}: in process (no HTTP): ${r.inProcess.map((x) => `c=${x.concurrency} ${x.perSecond.toFixed(0)}/s, CPU ${x.cpuMsPerSubmit.toFixed(2)} ms`).join("; ")}`,
    );
  } catch (e) {
    r.error = (e as Error).message;
    log(`${kind}: FAILED: ${r.error}`);
  } finally {
    for (const s of servers) await s.stop();
    r.serverIssues.push(...servers.filter((s) => fs.existsSync(s.logFile)).flatMap((s) => serverIssues(s.logFile)));
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

/** Runs bench/in-process-decisions.ts on the (stopped) app's database and returns its figures. */
function inProcessDecisions(env: NodeJS.ProcessEnv): Promise<InProcessRun[]> {
  return new Promise((resolve, reject) => {
    const child = spawn("npx", ["tsx", "bench/in-process-decisions.ts"], { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    let err = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (err += d));
    child.on("close", (code) =>
      code === 0 ? resolve(parseCliJson<InProcessRun[]>(out)) : reject(new Error(`in-process decisions exited ${code}: ${err.slice(-600)}`)),
    );
  });
}
