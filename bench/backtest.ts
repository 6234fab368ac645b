// `npm run bench` step: backtest 100,000 intents (90 days, 20 agents) on a fresh database.
// Run as its own process (`tsx bench/backtest.ts`) because the database client is a
// process-wide singleton: DATABASE_URL=postgres://… for PostgreSQL, else an embedded PGlite
// in a temporary folder. Prints one JSON line with the figures.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";

const INTENTS = Number(process.env.AEGIS_BENCH_BACKTEST_INTENTS ?? 100_000);
const ORG = "org_backtest_bench";

async function main() {
  const admin = process.env.DATABASE_URL;
  let dropDb: (() => Promise<void>) | null = null;
  if (admin) {
    // A database of our own beside the one in DATABASE_URL.
    const name = `aegis_bench_backtest_${process.pid}`;
    const c = new pg.Client({ connectionString: admin });
    await c.connect();
    await c.query(`CREATE DATABASE ${name}`);
    await c.end();
    const url = new URL(admin);
    url.pathname = `/${name}`;
    process.env.DATABASE_URL = url.toString();
    dropDb = async () => {
      const d = new pg.Client({ connectionString: admin });
      await d.connect();
      await d.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await d.end();
    };
  } else {
    process.env.AEGIS_DATA_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "aegis-bench-backtest-"));
  }
  const { migrate } = await import("@/lib/db/migrate");
  const { getDb, disconnectDb } = await import("@/lib/db/client");
  const { closeRaw } = await import("@/lib/db/raw-sql");
  const { backtestPolicy } = await import("@/lib/policies/backtest/backtest-policy");
  const { DEFAULT_POLICY, toPolicyDocument } = await import("@/lib/policies/engine");
  try {
    await migrate();
    const db = await getDb();
    const seeded = performance.now();
    await db.$executeRawUnsafe(`INSERT INTO organizations (id, name, time_zone, currency) VALUES ('${ORG}', 'Backtest bench', 'Asia/Kolkata', 'INR')`);
    await db.$executeRawUnsafe(
      `INSERT INTO agents (id, org_id, name, owner) SELECT md5('agent' || g)::uuid, '${ORG}', 'Agent ' || g, 'bench' FROM generate_series(0, 19) g`,
    );
    await db.$executeRawUnsafe(`
      INSERT INTO intents (id, org_id, agent_id, amount, currency, reason, confidence, merchant, merchant_category, status, request_hash, created_at, decided_at)
      SELECT 'int_bench' || g, '${ORG}', md5('agent' || (g % 20))::uuid, 100 + (g::bigint * 7919) % 3000000, 'INR', 'bench', 0.5 + (g % 50) / 100.0,
        'Merchant ' || (g % 40), (ARRAY['cloud','saas','travel','ads'])[1 + g % 4],
        (CASE g % 10 WHEN 0 THEN 'denied' WHEN 1 THEN 'pending_approval' ELSE 'approved' END)::"IntentStatus", 'h',
        now() - ((${INTENTS} - g) * (90.0 / ${INTENTS})) * interval '1 day', now()
      FROM generate_series(1, ${INTENTS}) g`);
    await db.$executeRawUnsafe(`
      INSERT INTO policy_decisions (id, intent_id, outcome, rule, reason, trace, budgets, risk_level, policy_version, created_at)
      SELECT 'dec_' || id, id, (CASE status WHEN 'denied' THEN 'deny' WHEN 'pending_approval' THEN 'require_approval' ELSE 'approve' END)::"DecisionOutcome",
        'auto_approve_limit', 'bench', '[{"rule":"wallet_balance","result":"pass","detail":""}]'::jsonb, '{}'::jsonb, 'low', 0, created_at
      FROM intents WHERE org_id = '${ORG}'`);
    await db.$executeRawUnsafe("ANALYZE intents");
    await db.$executeRawUnsafe("ANALYZE policy_decisions");
    const seedMs = performance.now() - seeded;
    const draft = toPolicyDocument(DEFAULT_POLICY);
    draft.rules.auto_approve_limit = 100_000;
    draft.rules.daily_budget = 2_000_000;
    const runs = [];
    for (let n = 0; n < 2; n++) {
      const t = performance.now();
      const r = await backtestPolicy(db, "system", ORG, draft, 90);
      runs.push({ ms: performance.now() - t, evaluated: r.evaluated, flips: r.flips.total, loadMs: r.timing_ms.load });
    }
    const best = runs.reduce((a, b) => (b.ms < a.ms ? b : a));
    console.log(JSON.stringify({ intents: best.evaluated, flips: best.flips, ms: Math.round(best.ms), loadMs: best.loadMs, seedMs: Math.round(seedMs) }));
  } finally {
    await disconnectDb().catch(() => {});
    await closeRaw().catch(() => {});
    if (dropDb) await dropDb().catch(() => {});
    if (process.env.AEGIS_DATA_DIR?.includes("aegis-bench-backtest-")) fs.rmSync(process.env.AEGIS_DATA_DIR, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
