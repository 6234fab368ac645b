// `npm run bench`: prints figures (never asserts). Loopback only; every loop is bounded.
//   1. evaluatePolicy per decision (in process)
//   2. per database (PGlite, then PostgreSQL if reachable): the real app over HTTP —
//      stack floor, closed and open loops, long-poll wake-up (two instances on PostgreSQL),
//      submit cost with 100,000 intents of history, statements per submit, bare-driver ceiling
//   3. a markdown table, also written to bench/latest-results.md
//   4. on PostgreSQL, 1, 2 and 4 instances behind HAProxy and one through PgBouncer (bench/cluster.ts; AEGIS_BENCH_CLUSTER=0 skips)
//   5. on PostgreSQL, every page/list server time at 1,000,000 intents (bench/volume-run.ts; AEGIS_BENCH_VOLUME=0 skips)
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { runDatabase, type DbResult } from "./db-run";
import { benchPolicyEval } from "./policy-eval";
import { renderReport } from "./report";
import { benchBacktest } from "./backtest-step";
import { benchVolume } from "./volume-run";
import { benchCluster, renderCluster } from "./cluster";
import { log, sleep } from "./stats";

/** Other work on a small machine skews every figure: wait (bounded) for the load to settle. */
async function waitForQuiet(maxSeconds = 120) {
  const cores = os.cpus().length;
  const until = Date.now() + maxSeconds * 1000;
  while (os.loadavg()[0] > cores * 0.75 && Date.now() < until) {
    log(`load average ${os.loadavg()[0].toFixed(1)} on ${cores} cores; waiting for it to settle (at most ${maxSeconds} s)`);
    await sleep(15_000);
  }
  log(
    `load average ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(" / ")} at start`,
  );
}

async function main() {
  const started = performance.now();
  if (process.env.AEGIS_BENCH_NO_WAIT !== "1") await waitForQuiet();
  const loadAtStart = os.loadavg();
  log("1/3 policy evaluation: 5,000 warm-up + 50,000 timed decisions");
  const policy = benchPolicyEval(50_000);
  log(`policy: p50 ${policy.p50Us.toFixed(1)} µs, p99 ${policy.p99Us.toFixed(1)} µs, mean ${policy.meanUs.toFixed(1)} µs`, policy.outcomes);

  const kinds = (process.env.AEGIS_BENCH_DBS ?? "pglite,postgresql").split(",").map((s) => s.trim()) as DbResult["kind"][];
  const results: DbResult[] = [];
  for (const kind of kinds) {
    log(`2/3 ${kind}: the app over HTTP`);
    results.push(await runDatabase(kind));
  }

  const seconds = (performance.now() - started) / 1000;
  const table = renderReport(policy, results, seconds, loadAtStart);
  console.log("\n" + table);
  for (const r of results) {
    const lines = [
      ...(r.open?.errors ?? []),
      ...[...(r.runs ?? []), ...(r.floor ?? [])].flatMap((x) => x.errors),
      ...(r.longPoll?.failures ?? []),
      ...(r.longPollCross?.failures ?? []),
    ];
    if (lines.length) console.log(`${r.kind}: request failures (samples):\n  ${[...new Set(lines)].slice(0, 10).join("\n  ")}`);
    if (r.serverIssues.length) console.log(`${r.kind}: server log lines worth a look:\n  ${r.serverIssues.join("\n  ")}`);
  }
  const backtest = benchBacktest(kinds);
  console.log("\n" + backtest);
  // Several instances behind HAProxy, and PgBouncer (PostgreSQL; AEGIS_BENCH_CLUSTER=0 skips it).
  const cluster = kinds.includes("postgresql") && process.env.AEGIS_BENCH_CLUSTER !== "0" ? `\n\n${renderCluster(await benchCluster())}` : "";
  if (cluster) console.log(cluster);
  // Page and list times at 1,000,000 intents (PostgreSQL; AEGIS_BENCH_VOLUME=0 skips it).
  const volume = kinds.includes("postgresql") && process.env.AEGIS_BENCH_VOLUME !== "0" ? `\n\n${await benchVolume()}` : "";
  if (volume) console.log(volume);
  fs.writeFileSync(path.join(import.meta.dirname, "latest-results.md"), `# Benchmark results\n\n${table}\n\n${backtest}${cluster}${volume}\n`);
  log(`3/3 done in ${seconds.toFixed(0)} s; table written to bench/latest-results.md`);
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
