import pg from "pg";
import { afterAll, beforeAll, inject } from "vitest";
import type { Db } from "@/lib/db/client";

/** Direct SQL on the PostgreSQL under test (PostgreSQL suite only: PGlite lives inside the server). */
export async function sql<T = any>(text: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: inject("databaseUrl") });
  await client.connect();
  try {
    return (await client.query(text, params)).rows as T[];
  } finally {
    await client.end();
  }
}

/** Σcredit + Σreversal − Σdebit and Σhold − Σrelease for a wallet, next to its stored balance and held. */
export async function ledgerAgreesWithWallet(agentId: string) {
  const [row] = await sql(
    `SELECT w.balance::bigint AS balance, w.held::bigint AS held,
       COALESCE(SUM(CASE l.kind WHEN 'credit' THEN l.amount WHEN 'reversal' THEN l.amount WHEN 'refund' THEN l.amount WHEN 'debit' THEN -l.amount ELSE 0 END), 0)::bigint AS ledger_balance,
       COALESCE(SUM(CASE l.kind WHEN 'hold' THEN l.amount WHEN 'release' THEN -l.amount ELSE 0 END), 0)::bigint AS ledger_held
     FROM wallets w LEFT JOIN ledger_entries l ON l.wallet_id = w.id
     WHERE w.agent_id = $1 GROUP BY w.id`,
    [agentId],
  );
  return { balance: Number(row.balance), held: Number(row.held), ledgerBalance: Number(row.ledger_balance), ledgerHeld: Number(row.ledger_held) };
}

/** Waits (bounded) until the check passes; for effects of the server's background sweep. */
export async function eventually<T>(read: () => Promise<T>, ok: (v: T) => boolean, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await read();
    if (ok(v) || Date.now() > deadline) return v;
    await new Promise((r) => setTimeout(r, 250));
  }
}

/**
 * The domain verbs' client in this test process, on the PostgreSQL under test (PostgreSQL suite
 * only; on PGlite the database lives inside the server): opens it before the file's tests and
 * closes it after. Call at the top of a test file; read the client inside the tests.
 */
export function inProcessPostgres(): { onPostgres: boolean; db: () => Db } {
  const onPostgres = inject("databaseKind") === "postgresql";
  let db: Db | null = null;
  beforeAll(async () => {
    if (!onPostgres) return;
    process.env.DATABASE_URL = inject("databaseUrl");
    db = await (await import("@/lib/db/client")).getDb();
  });
  afterAll(async () => {
    if (!onPostgres) return;
    await (await import("@/lib/db/client")).disconnectDb();
    await (await import("@/lib/db/raw-sql")).closeRaw();
  });
  return {
    onPostgres,
    db: () => {
      if (!db) throw new Error("the in-process client is open only inside the PostgreSQL suite's tests");
      return db;
    },
  };
}
