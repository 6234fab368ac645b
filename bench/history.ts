// Part 2e: does a submit slow down with the agent's history? One agent gets 100,000 approved
// intents spread over its last 29 days (set-based SQL, then the counters rebuilt from the
// intents through the admin channel, as `aegis counters rebuild` does); another has none.
// Submits alternate between the two at c=1 and the p50s are compared.
import path from "node:path";
import pg from "pg";
import { PGlite } from "@electric-sql/pglite";
import { pgliteExtensions } from "../lib/db/pglite-extensions";
import { adminCall } from "./admin-channel";
import type { AppServer } from "./app-server";
import { submitOnce } from "./http-load";
import { log, summarize } from "./stats";

export type HistoryResult = {
  seeded: number;
  seedSeconds: number;
  freshP50: number;
  loadedP50: number;
  freshP99: number;
  loadedP99: number;
  ratio: number;
  n: number;
};

type Exec = (sql: string) => Promise<unknown>;

function seedSql(orgId: string, agentId: string, count: number): string[] {
  const reason = "bench history";
  return [
    `INSERT INTO intents (id, org_id, agent_id, amount, currency, reason, confidence, merchant, merchant_category, status, request_hash, created_at, decided_at)
     SELECT 'int_hist' || g, '${orgId}', '${agentId}'::uuid, 100, 'INR', '${reason}', 0.99, 'Bench', 'saas', 'approved', 'h', ts, ts
     FROM (SELECT g, now() - (g * (29.0 * 86400 / ${count})) * interval '1 second' AS ts FROM generate_series(1, ${count}) g) s`,
    `INSERT INTO policy_decisions (id, intent_id, outcome, rule, reason, trace, budgets, risk_level, policy_version, created_at)
     SELECT 'dec_' || id, id, 'approve', 'auto_approve_limit', 'bench', '[]'::jsonb, '{}'::jsonb, 'low', 0, created_at
     FROM intents WHERE agent_id = '${agentId}'::uuid AND reason = '${reason}'`,
    "ANALYZE intents",
    "ANALYZE policy_decisions",
  ];
}

/**
 * Seeds the history. PostgreSQL: beside the running app. PGlite: its folder belongs to the
 * server process, so `restart` stops it, the rows go in from here, and it starts again.
 */
export async function seedHistory(
  app: AppServer,
  kind: "pglite" | "postgresql",
  databaseUrl: string | undefined,
  restart: (seed: () => Promise<void>) => Promise<AppServer>,
  orgId: string,
  agentId: string,
  count: number,
): Promise<{ app: AppServer; seconds: number }> {
  const t0 = performance.now();
  const run = async (exec: Exec) => {
    for (const sql of seedSql(orgId, agentId, count)) await exec(sql);
  };
  if (kind === "postgresql") {
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      await run((sql) => client.query(sql));
    } finally {
      await client.end();
    }
  } else {
    app = await restart(async () => {
      const db = await PGlite.create(path.join(app.env.AEGIS_DATA_DIR!, "pglite"), { extensions: await pgliteExtensions() });
      try {
        await run((sql) => db.exec(sql));
      } finally {
        await db.close();
      }
    });
  }
  await adminCall(app, ["counters", "rebuild"], { org: orgId });
  const seconds = (performance.now() - t0) / 1000;
  log(`history: ${count.toLocaleString("en-US")} intents seeded for agent ${agentId} and counters rebuilt in ${seconds.toFixed(1)} s`);
  return { app, seconds };
}

/** Alternating c=1 submits for the fresh agent and the one with history. */
export async function compareHistory(baseUrl: string, freshKey: string, loadedKey: string, n = 200): Promise<Omit<HistoryResult, "seeded" | "seedSeconds">> {
  for (let i = 0; i < 20; i++) {
    await submitOnce(baseUrl, freshKey);
    await submitOnce(baseUrl, loadedKey);
  }
  const fresh: number[] = [];
  const loaded: number[] = [];
  for (let i = 0; i < n; i++) {
    const a = await submitOnce(baseUrl, i % 2 ? freshKey : loadedKey);
    const b = await submitOnce(baseUrl, i % 2 ? loadedKey : freshKey);
    const [f, l] = i % 2 ? [a, b] : [b, a];
    if (f.status === "201") fresh.push(f.ms);
    if (l.status === "201") loaded.push(l.ms);
  }
  const F = summarize(fresh);
  const L = summarize(loaded);
  const r = { freshP50: F.p50, loadedP50: L.p50, freshP99: F.p99, loadedP99: L.p99, ratio: L.p50 / F.p50, n };
  log(`history: submit p50 ${F.p50.toFixed(1)} ms with no history, ${L.p50.toFixed(1)} ms with 100k in the window (ratio ${r.ratio.toFixed(2)})`);
  return r;
}
