// The final markdown table (printed, and written to bench/latest-results.md).
import os from "node:os";
import type { DbResult } from "./db-run";
import type { PolicyEvalResult } from "./policy-eval";
import { fmt } from "./stats";

type Pick = (r: DbResult) => string | undefined;

function cells(results: DbResult[], pick: Pick): string {
  return results.map((r) => (r.skipped ? "skipped" : r.error && !pick(r) ? "failed" : (pick(r) ?? "n/a"))).join(" | ");
}

export function renderReport(policy: PolicyEvalResult, results: DbResult[], totalSeconds: number): string {
  const head = `| Figure | ${results.map((r) => (r.kind === "pglite" ? "PGlite (embedded)" : "PostgreSQL 15")).join(" | ")} |`;
  const sep = `|---|${results.map(() => "---:").join("|")}|`;
  const pol = `${fmt(policy.p50Us, 1)} µs / ${fmt(policy.p99Us, 1)} µs`;
  const policyRow = `| Policy evaluation per decision, p50 / p99 (${policy.decisions.toLocaleString("en-US")} decisions, in process, no database) | ${results.map(() => pol).join(" | ")} |`;
  const rows: [string, Pick][] = [
    ["Submit latency at 20/s open loop, p50 / p99", (r) => r.open && `${fmt(r.open.p50Ms)} ms / ${fmt(r.open.p99Ms)} ms`],
    ["Max sustained submits/s (closed loop, best of c=1/4/16)", (r) => r.best && `${fmt(r.best.perSecond)} /s (c=${r.best.label.replace(/\D+/, "")})`],
    ["Submit latency at that max, p50 / p99", (r) => r.best && `${fmt(r.best.p50Ms)} ms / ${fmt(r.best.p99Ms)} ms`],
    ["Closed loop submits/s at c=1 / 4 / 16", (r) => r.runs && r.runs.map((x) => fmt(x.perSecond)).join(" / ")],
    [
      "App server CPU per submit at c=1 / 4 / 16 (incl. PGlite; not PostgreSQL's own)",
      (r) => r.runs && r.runs.map((x) => `${fmt(x.cpuMsPerSubmit)} ms`).join(" / "),
    ],
    ["Ceiling: same writes via bare driver, c=16", (r) => r.ceiling && `${fmt(r.ceiling.perSecond)} txn/s (p50 ${fmt(r.ceiling.p50Ms, 2)} ms)`],
    ["App max as share of ceiling", (r) => r.best && r.ceiling && `${fmt((100 * r.best.perSecond) / r.ceiling.perSecond)} %`],
    [
      "Long-poll wake-up after approval answer, p50 / p95",
      (r) =>
        r.longPoll && r.longPoll.samples > 0
          ? `${fmt(r.longPoll.afterResponse.p50)} ms / ${fmt(r.longPoll.afterResponse.p95)} ms (n=${r.longPoll.samples})`
          : undefined,
    ],
    [
      "Approval request sent → long-poll answered, p50 / p95",
      (r) => (r.longPoll && r.longPoll.samples > 0 ? `${fmt(r.longPoll.afterRequest.p50)} ms / ${fmt(r.longPoll.afterRequest.p95)} ms` : undefined),
    ],
    ["Non-201 submit answers during the run", (r) => r.open && r.runs && String(nonOk(r))],
  ];
  const lines = [head, sep, policyRow, ...rows.map(([name, pick]) => `| ${name} | ${cells(results, pick)} |`)];
  const notes = [
    "",
    `Measured ${new Date().toISOString().slice(0, 10)} with \`npm run bench\` (${Math.round(totalSeconds)} s) on ${os.cpus().length} × ${os.cpus()[0]?.model.trim() ?? "CPU"}, Node ${process.version}, client and server on one machine over loopback` +
      ` (load average ${os
        .loadavg()
        .map((l) => l.toFixed(1))
        .join(" / ")} at the end; other work on the machine skews the figures).`,
    "Submits: POST /api/v1/intents with an agent key, amount 100 INR, confidence 0.99, a fresh Idempotency-Key each (as the SDKs send); every one auto-approved (wallet debit, ledger, audit, decision).",
    "Ceiling: one transaction per submit inserting an intent row, locking and debiting the wallet, and inserting ledger and audit rows, from a bare `pg` pool (PostgreSQL) or an in-process PGlite, with the app stopped.",
    "Long-poll: GET /api/v1/intents/{id}?wait=30 already waiting, then POST /api/v1/approvals/{id} by approver@acme.test; negative wake-up means the poll answered before the approval's own response arrived.",
  ];
  for (const r of results) {
    if (r.skipped) notes.push(`${r.kind}: skipped: ${r.skipped}`);
    if (r.error) notes.push(`${r.kind}: failed: ${r.error.split("\n")[0]}`);
  }
  return [...lines, ...notes].join("\n") + "\n";
}

function nonOk(r: DbResult): number {
  return [r.open!, ...r.runs!].reduce((n, x) => n + x.sent - x.ok, 0);
}
