// Part 2c: the ceiling. The writes one approved submit makes, done by a bare driver with no
// app around them: per submit, one transaction that inserts an intent-like row, locks the
// wallet (SELECT ... FOR UPDATE), debits it, and inserts a ledger row and an audit row.
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { PGlite } from "@electric-sql/pglite";
import { log, msSince, summarize } from "./stats";

export type CeilingResult = { label: string; concurrency: number; seconds: number; txns: number; perSecond: number; p50Ms: number; p99Ms: number };

/** Scratch tables shaped like intents, wallets, ledger_entries and audit_events. */
const SCHEMA = `
DROP TABLE IF EXISTS bench_audit, bench_ledger, bench_intents, bench_wallets;
CREATE TABLE bench_wallets (id TEXT PRIMARY KEY, org_id TEXT NOT NULL, agent_id UUID NOT NULL, currency CHAR(3) NOT NULL,
  balance BIGINT NOT NULL DEFAULT 0, held BIGINT NOT NULL DEFAULT 0, created_at TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP);
CREATE TABLE bench_intents (id TEXT PRIMARY KEY, org_id TEXT NOT NULL, agent_id UUID NOT NULL, api_key_id TEXT, amount BIGINT NOT NULL,
  currency CHAR(3) NOT NULL, reason TEXT NOT NULL, confidence DOUBLE PRECISION, merchant TEXT, merchant_category TEXT,
  metadata JSONB NOT NULL DEFAULT '{}', status TEXT NOT NULL DEFAULT 'pending', idempotency_key TEXT, request_hash TEXT NOT NULL,
  created_at TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP, decided_at TIMESTAMP(3));
CREATE UNIQUE INDEX bench_intents_key ON bench_intents (api_key_id, idempotency_key);
CREATE INDEX bench_intents_agent_created ON bench_intents (agent_id, created_at);
CREATE TABLE bench_ledger (id TEXT PRIMARY KEY, org_id TEXT NOT NULL, wallet_id TEXT NOT NULL REFERENCES bench_wallets(id),
  intent_id TEXT REFERENCES bench_intents(id), kind TEXT NOT NULL, amount BIGINT NOT NULL, balance_after BIGINT NOT NULL,
  held_after BIGINT NOT NULL, memo TEXT NOT NULL DEFAULT '', actor TEXT NOT NULL DEFAULT 'system', created_at TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP);
CREATE INDEX bench_ledger_wallet ON bench_ledger (wallet_id, created_at);
CREATE TABLE bench_audit (id TEXT PRIMARY KEY, org_id TEXT NOT NULL, actor_type TEXT NOT NULL, actor_id TEXT, actor_label TEXT NOT NULL,
  action TEXT NOT NULL, target_type TEXT NOT NULL, target_id TEXT NOT NULL, data JSONB NOT NULL DEFAULT '{}',
  created_at TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP);
CREATE INDEX bench_audit_org_created ON bench_audit (org_id, created_at);
INSERT INTO bench_wallets (id, org_id, agent_id, currency, balance) VALUES ('wal_bench', 'org_bench', '3f1c2b9e-8d4a-4c6e-9b2f-0a1d2e3f4a5b', 'INR', 100000000000);
`;

type Query = (sql: string, params: unknown[]) => Promise<{ rows: Record<string, unknown>[] }>;

/** The statements of one submit, inside a transaction the caller opened. */
async function oneSubmit(q: Query): Promise<void> {
  const id = `int_${crypto.randomBytes(12).toString("hex")}`;
  const agent = "3f1c2b9e-8d4a-4c6e-9b2f-0a1d2e3f4a5b";
  await q(
    `INSERT INTO bench_intents (id, org_id, agent_id, api_key_id, amount, currency, reason, confidence, merchant, merchant_category, metadata, idempotency_key, request_hash)
     VALUES ($1, 'org_bench', $2, 'key_bench', 100, 'INR', 'benchmark submit', 0.99, 'Bench', 'saas', '{}', $3, $4)`,
    [id, agent, crypto.randomUUID(), crypto.createHash("sha256").update(id).digest("hex")],
  );
  await q(`SELECT id, balance, held FROM bench_wallets WHERE id = 'wal_bench' FOR UPDATE`, []);
  const { rows } = await q(`UPDATE bench_wallets SET balance = balance - 100 WHERE id = 'wal_bench' AND balance - held >= 100 RETURNING balance, held`, []);
  await q(
    `INSERT INTO bench_ledger (id, org_id, wallet_id, intent_id, kind, amount, balance_after, held_after, memo, actor)
     VALUES ($1, 'org_bench', 'wal_bench', $2, 'debit', 100, $3, $4, 'Spend approved by policy', 'policy')`,
    [`led_${crypto.randomBytes(12).toString("hex")}`, id, rows[0].balance, rows[0].held],
  );
  await q(
    `INSERT INTO bench_audit (id, org_id, actor_type, actor_id, actor_label, action, target_type, target_id, data)
     VALUES ($1, 'org_bench', 'system', NULL, 'system', 'intent.decided', 'intent', $2, $3)`,
    [`evt_${crypto.randomBytes(12).toString("hex")}`, id, JSON.stringify({ outcome: "approve", amount: 100, currency: "INR" })],
  );
}

async function drive(label: string, concurrency: number, seconds: number, txn: () => Promise<void>): Promise<CeilingResult> {
  const samples: number[] = [];
  const start = performance.now();
  const deadline = start + seconds * 1000;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let i = 0; i < 1_000_000 && performance.now() < deadline; i++) {
        const t0 = process.hrtime.bigint();
        await txn();
        samples.push(msSince(t0));
      }
    }),
  );
  const elapsed = (performance.now() - start) / 1000;
  const { p50, p99 } = summarize(samples);
  const r = { label, concurrency, seconds: elapsed, txns: samples.length, perSecond: samples.length / elapsed, p50Ms: p50, p99Ms: p99 };
  log(`ceiling ${label}: ${r.perSecond.toFixed(1)} txn/s at c=${concurrency}, p50 ${p50.toFixed(2)} ms, p99 ${p99.toFixed(2)} ms`);
  return r;
}

/** PostgreSQL: a pool of `concurrency` connections to the bench database. */
export async function pgCeiling(databaseUrl: string, concurrency = 16, seconds = 8): Promise<CeilingResult> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: concurrency });
  pool.on("error", () => {}); // an idle client cut off when the bench database is dropped
  try {
    await pool.query(SCHEMA);
    return await drive("postgresql (pg)", concurrency, seconds, async () => {
      const client = await pool.connect();
      try {
        await client.query("BEGIN");
        await oneSubmit((sql, params) => client.query(sql, params));
        await client.query("COMMIT");
      } catch (e) {
        await client.query("ROLLBACK").catch(() => {});
        throw e;
      } finally {
        client.release();
      }
    });
  } finally {
    await pool.query("DROP TABLE IF EXISTS bench_audit, bench_ledger, bench_intents, bench_wallets").catch(() => {});
    await pool.end();
  }
}

/** PGlite: one in-process instance in a temp folder (it runs one transaction at a time). */
export async function pgliteCeiling(concurrency = 16, seconds = 8): Promise<CeilingResult> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "aegis-bench-pglite-"));
  const db = await PGlite.create(dir);
  try {
    await db.exec(SCHEMA);
    return await drive("pglite (in-process)", concurrency, seconds, () =>
      db.transaction(async (tx) => {
        await oneSubmit((sql, params) => tx.query<Record<string, unknown>>(sql, params));
      }),
    );
  } finally {
    await db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
