// Part 2f (PostgreSQL): how many SQL statements one approved submit sends. PostgreSQL logs
// every statement of the bench database (log_statement = 'all', set on that database only)
// while an app instance with its background jobs off takes sequential submits; the log lines
// of that database are then counted per submit and per decision transaction.
import fs from "node:fs";
import type pg from "pg";
import { submitOnce } from "./http-load";
import { log, sleep } from "./stats";

export type StatementCount = { submits: number; perSubmit: number; inTransaction: number; transaction: string[] } | { unavailable: string };

const PG_LOG = process.env.AEGIS_BENCH_PG_LOG ?? "/var/log/postgresql/postgresql-15-main.log";

/** Runs `withLogging` with statement logging on for `dbName`; the app it starts must open new connections. */
export async function countStatements(
  admin: pg.Client,
  dbName: string,
  startApp: () => Promise<{ baseUrl: string; stop: () => Promise<void> }>,
  agentKey: string,
  submits = 20,
): Promise<StatementCount> {
  try {
    fs.accessSync(PG_LOG, fs.constants.R_OK);
  } catch {
    return { unavailable: `PostgreSQL's log ${PG_LOG} is not readable here (AEGIS_BENCH_PG_LOG names another)` };
  }
  await admin.query(`ALTER DATABASE ${dbName} SET log_statement = 'all'`);
  const app = await startApp();
  try {
    for (let i = 0; i < 5; i++) await submitOnce(app.baseUrl, agentKey); // caches warm: key, policy
    await sleep(300);
    const from = fs.statSync(PG_LOG).size;
    let ok = 0;
    for (let i = 0; i < submits; i++) if ((await submitOnce(app.baseUrl, agentKey)).status === "201") ok++;
    await sleep(500);
    const fd = fs.openSync(PG_LOG, "r");
    const buf = Buffer.alloc(fs.statSync(PG_LOG).size - from);
    fs.readSync(fd, buf, 0, buf.length, from);
    fs.closeSync(fd);
    return tally(buf.toString("utf8"), dbName, ok);
  } finally {
    await app.stop();
    await admin.query(`ALTER DATABASE ${dbName} RESET log_statement`);
  }
}

function tally(text: string, dbName: string, submits: number): StatementCount {
  const re = new RegExp(`^\\S+ \\S+ \\S+ \\[(\\d+)\\] \\S+@${dbName} LOG:  (?:statement|execute [^:]*): (.*)$`);
  const byPid = new Map<string, string[]>();
  let total = 0;
  let last: string[] | null = null; // a multi-line statement continues on tab-indented lines
  for (const line of text.split("\n")) {
    const m = re.exec(line);
    if (!m) {
      if (last && line.startsWith("\t")) last.push(`${last.pop()} ${line.trim()}`);
      else if (!line.startsWith("\t")) last = null;
      continue;
    }
    total++;
    last = byPid.get(m[1]) ?? [];
    last.push(m[2]);
    byPid.set(m[1], last);
  }
  // Decision transactions: BEGIN … COMMIT on one connection containing the intent's INSERT.
  const transactions: string[][] = [];
  for (const stmts of byPid.values()) {
    let open: string[] | null = null;
    for (const s of stmts) {
      if (/^BEGIN/i.test(s)) open = [s];
      else if (open) {
        open.push(s);
        if (/^COMMIT/i.test(s)) {
          // Kysely quotes identifiers (`insert into "intents"`), hand-written SQL does not.
          if (open.some((x) => /insert into "?intents"?[\s(]/i.test(x))) transactions.push(open);
          open = null;
        }
      }
    }
  }
  const inner = transactions.map((t) => t.length - 2).sort((a, b) => a - b);
  const result = {
    submits,
    perSubmit: total / Math.max(1, submits),
    inTransaction: inner[Math.floor(inner.length / 2)] ?? NaN,
    transaction: (transactions[0] ?? []).map((s) => s.replace(/\s+/g, " ").slice(0, 140)),
  };
  log(
    `statements: ${result.perSubmit.toFixed(1)} per submit over ${submits} submits; ${result.inTransaction} inside the decision transaction (+ BEGIN/COMMIT):`,
  );
  for (const s of result.transaction) log(`  ${s}`);
  return result;
}
