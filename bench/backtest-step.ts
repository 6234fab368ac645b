// Runs bench/backtest.ts once per database (its own process each) and renders its table.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { log } from "./stats";

const PG_ADMIN_URL = process.env.AEGIS_BENCH_PG_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

type Figures = { intents: number; flips: number; ms: number; loadMs: number; seedMs: number };

export function benchBacktest(kinds: string[]): string {
  const rows: string[] = [];
  for (const kind of kinds) {
    log(`backtest: 100,000 intents over 90 days on ${kind}`);
    const env = { ...process.env };
    delete env.DATABASE_URL;
    if (kind === "postgresql") env.DATABASE_URL = PG_ADMIN_URL;
    const run = spawnSync(process.execPath, [path.join("node_modules", "tsx", "dist", "cli.mjs"), "bench/backtest.ts"], {
      env,
      encoding: "utf8",
      timeout: 600_000,
    });
    const line = run.stdout.trim().split("\n").pop() ?? "";
    let f: Figures | null = null;
    try {
      f = JSON.parse(line) as Figures;
    } catch {
      log(`backtest on ${kind} failed: ${(run.stderr || line).slice(0, 300)}`);
    }
    const name = kind === "pglite" ? "PGlite (embedded)" : "PostgreSQL 15";
    rows.push(
      f
        ? `| ${name} | ${f.intents.toLocaleString("en-US")} | ${(f.ms / 1000).toFixed(1)} s | ${(f.loadMs / 1000).toFixed(1)} s | ${f.flips.toLocaleString("en-US")} |`
        : `| ${name} | failed | | | |`,
    );
  }
  return [
    "Policy backtest (`lib/policies/backtest`): a 90-day window of 100,000 intents of 20 agents replayed under the current policy and a draft, both through the engine (best of 2).",
    "",
    "| Database | Intents replayed | Total | of which loading | Flips found |",
    "|---|---:|---:|---:|---:|",
    ...rows,
  ].join("\n");
}
