// The final markdown table (printed, and written to bench/latest-results.md).
import os from "node:os";
import type { DbResult } from "./db-run";
import type { LoadResult } from "./http-load";
import type { LongPollResult } from "./long-poll";
import { CONCURRENCY, OPEN_RATE } from "./measure-app";
import type { PolicyEvalResult } from "./policy-eval";
import { fmt } from "./stats";
import { CLIENT_NAME } from "./http-client";

type Pick = (r: DbResult) => string | undefined;

function cells(results: DbResult[], pick: Pick): string {
  return results.map((r) => (r.skipped ? "skipped" : r.error && !pick(r) ? "failed" : (pick(r) ?? "n/a"))).join(" | ");
}

const perC = (runs: LoadResult[] | undefined, f: (x: LoadResult) => string) => runs && runs.map(f).join(" / ");
const ms = (x: number) => `${fmt(x)} ms`;
const best = (runs: LoadResult[] | undefined) => runs?.reduce((a, b) => (b.perSecond > a.perSecond ? b : a));
const wake = (l: LongPollResult | undefined) =>
  l && l.samples > 0 ? `${fmt(l.afterResponse.p50)} ms / ${fmt(l.afterResponse.p95)} ms (n=${l.samples})` : undefined;
const loadavg = (l: number[]) => l.map((x) => x.toFixed(1)).join(" / ");

export function renderReport(policy: PolicyEvalResult, results: DbResult[], totalSeconds: number, loadAtStart: number[]): string {
  const head = `| Figure | ${results.map((r) => (r.kind === "pglite" ? "PGlite (embedded)" : "PostgreSQL 15")).join(" | ")} |`;
  const sep = `|---|${results.map(() => "---:").join("|")}|`;
  const pol = `${fmt(policy.p50Us, 1)} µs / ${fmt(policy.p99Us, 1)} µs`;
  const cs = CONCURRENCY.join(" / ");
  const policyRow = `| Policy evaluation per decision, p50 / p99 (${policy.decisions.toLocaleString("en-US")} decisions, in process, no database) | ${results.map(() => pol).join(" | ")} |`;
  const rows: [string, Pick][] = [
    [`Stack floor: GET /api/health req/s at c=${cs}`, (r) => perC(r.floor, (x) => fmt(x.perSecond, 0))],
    [
      "Card authorization answer p50 / p99 at c=1 / 4: covered by an intent; no intent (policy decides) — Stripe's deadline 2 s, target p99 < 100 ms",
      (r) =>
        r.cards &&
        (["covered", "no intent"] as const)
          .map(
            (p) =>
              `${p}: ${r
                .cards!.filter((x) => x.path === p)
                .map((x) => `${fmt(x.p50Ms)}/${fmt(x.p99Ms)} ms`)
                .join(" / ")}`,
          )
          .join("; "),
    ],
    [`Stack floor: GET /api/health p50 at c=${cs}`, (r) => perC(r.floor, (x) => ms(x.p50Ms))],
    [`Closed loop submits/s at c=${cs} (8 agents, round-robin)`, (r) => perC(r.runs, (x) => fmt(x.perSecond))],
    [`Closed loop submit p50 / p99 at c=${cs}`, (r) => perC(r.runs, (x) => `${fmt(x.p50Ms)}/${fmt(x.p99Ms)} ms`)],
    [
      "Closed-loop max as share of the stack floor's max (target ≥ 50 %)",
      (r) =>
        r.best &&
        r.floor &&
        `${fmt((100 * r.best.perSecond) / best(r.floor)!.perSecond)} % (${fmt(r.best.perSecond)} of ${fmt(best(r.floor)!.perSecond, 0)} /s)`,
    ],
    [`App server CPU per submit at c=${cs} (incl. PGlite; not PostgreSQL's own)`, (r) => perC(r.runs, (x) => ms(x.cpuMsPerSubmit ?? NaN))],
    [
      `PostgreSQL's CPU per submit at c=${cs} (all its processes)`,
      (r) => (r.kind === "pglite" ? "in the app's" : perC(r.runs, (x) => ms(x.dbCpuMsPerSubmit ?? NaN))),
    ],
    [`Load generator's CPU per submit at c=${cs} (the bench's own client: ${CLIENT_NAME})`, (r) => perC(r.runs, (x) => ms(x.clientCpuMsPerSubmit ?? NaN))],
    [`App server CPU per GET /api/health at c=${cs}`, (r) => perC(r.floor, (x) => ms(x.cpuMsPerSubmit ?? NaN))],
    [
      "Decision in process, no HTTP (submitIntent, 8 agents): submits/s and CPU per submit at c=1 / 4",
      (r) => r.inProcess?.map((x) => `${fmt(x.perSecond, 0)}/s, ${ms(x.cpuMsPerSubmit)}`).join(" / "),
    ],
    [
      `Open loop at ${OPEN_RATE}/s: submit p50 / p99 (target: all answered, p99 < 50 ms)`,
      (r) =>
        r.open &&
        `${ms(r.open.p50Ms)} / ${ms(r.open.p99Ms)}${r.open.perSecond < OPEN_RATE * 0.95 ? ` (not sustained: ${fmt(r.open.perSecond)}/s answered)` : ""}`,
    ],
    ["Ceiling: same writes via bare driver, c=16", (r) => r.ceiling && `${fmt(r.ceiling.perSecond)} txn/s (p50 ${fmt(r.ceiling.p50Ms, 2)} ms)`],
    ["App max as share of ceiling", (r) => r.best && r.ceiling && `${fmt((100 * r.best.perSecond) / r.ceiling.perSecond)} %`],
    [
      "Submit p50 at c=1: agent with 0 / with 100,000 intents in its 30-day window, ratio (target ≤ 1.2)",
      (r) => r.history && `${ms(r.history.freshP50)} / ${ms(r.history.loadedP50)}, ${fmt(r.history.ratio, 2)}`,
    ],
    ["Long-poll wake-up after the approval's answer, same instance, p50 / p95", (r) => wake(r.longPoll)],
    [
      "Long-poll wake-up, poll on instance A, approve on instance B, p50 / p95 (target p95 < 100 ms)",
      (r) => (r.kind === "pglite" ? "one process only" : wake(r.longPollCross)),
    ],
    [
      "SQL statements per approved submit: all / inside the decision transaction (target ≤ 6)",
      (r) =>
        r.statements &&
        ("unavailable" in r.statements ? r.statements.unavailable : `${fmt(r.statements.perSubmit)} / ${r.statements.inTransaction} + BEGIN, COMMIT`),
    ],
    ["Non-2xx answers during the loops", (r) => r.open && r.runs && String(nonOk(r))],
  ];
  const lines = [head, sep, policyRow, ...rows.map(([name, pick]) => `| ${name} | ${cells(results, pick)} |`)];
  const notes = [
    "",
    `Measured ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC with \`npm run bench\` (${Math.round(totalSeconds)} s) on ${os.cpus().length} × ${os.cpus()[0]?.model.trim() ?? "CPU"}, Node ${process.version}, client and server on one machine over loopback.`,
    `Load average ${loadavg(loadAtStart)} at the start, ${loadavg(os.loadavg())} at the end (other work on the machine skews every figure).`,
    ...slowdown(results),
    `Submits: POST /api/v1/intents with agent keys of ${8} agents in turn, amount 100 INR, confidence 0.99, a fresh Idempotency-Key each (as the SDKs send); every one auto-approved (wallet debit, ledger, audit, decision, webhook outbox).`,
    "Stack floor: GET /api/health (a SELECT 1 through Next.js and Prisma) at the same concurrency, the most any API request through Next.js' router can reach on this machine.",
    `Client: ${CLIENT_NAME} (bench/http-client.ts) for the floor and the submits alike; submits, gets and card authorizations are served by the fast path (lib/server/fast-path.ts) unless the server ran with AEGIS_FAST_PATH=${process.env.AEGIS_FAST_PATH === "0" ? "0 (it did)" : "0"}.`,
    "Ceiling: one transaction per submit inserting an intent row, locking and debiting the wallet, and inserting ledger and audit rows, from a bare `pg` pool (PostgreSQL) or an in-process PGlite, with the app stopped.",
    "History: 100,000 approved intents over the agent's last 29 days (set-based SQL, then the counters rebuilt), submits alternating with an agent without history, 200 each at c=1.",
    "Long-poll: GET /api/v1/intents/{id}?wait=30 already waiting, then POST /api/v1/approvals/{id} by approver@acme.test; negative wake-up means the poll answered before the approval's own response arrived.",
    "In process: bench/in-process-decisions.ts calls submitIntent (what POST /api/v1/intents calls) in one Node process on the same database with the app stopped; the gap to the HTTP figures is the request around the decision (Next.js, body, auth, response).",
    "Statements: PostgreSQL's log_statement on the bench database only, an instance with background jobs off, 20 sequential approved submits after 5 to warm the caches.",
  ];
  for (const r of results) {
    if (r.skipped) notes.push(`${r.kind}: skipped: ${r.skipped}`);
    if (r.error) notes.push(`${r.kind}: failed: ${r.error.split("\n")[0]}`);
  }
  return [...lines, ...notes].join("\n") + "\n";
}

function slowdown(results: DbResult[]): string[] {
  const lite = results.find((r) => r.kind === "pglite");
  const pg = results.find((r) => r.kind === "postgresql");
  if (!lite?.best || !pg?.best || !lite.runs || !pg.runs) return [];
  return [
    `PGlite against PostgreSQL: closed-loop max ${fmt(lite.best.perSecond)} vs ${fmt(pg.best.perSecond)} submits/s (${fmt(pg.best.perSecond / lite.best.perSecond, 1)}× fewer); ` +
      `c=1 p50 ${ms(lite.runs[0].p50Ms)} vs ${ms(pg.runs[0].p50Ms)} (${fmt(lite.runs[0].p50Ms / pg.runs[0].p50Ms, 1)}× slower).`,
  ];
}

function nonOk(r: DbResult): number {
  return [r.open!, ...r.runs!, ...(r.floor ?? [])].reduce((n, x) => n + x.sent - x.ok, 0);
}
