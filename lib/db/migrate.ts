import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { env } from "@/lib/env";
import { databaseKind } from "./config";
import { connectOnce } from "./failover-pool";
import { getPGlite, getPool, loadPg } from "./raw-sql";

/**
 * Applies prisma/migrations/<name>/migration.sql in order, each in its own transaction,
 * recording them in Prisma's `_prisma_migrations` table (so `prisma migrate deploy` and
 * this runner agree about what is applied). On PostgreSQL an advisory lock makes
 * several instances starting at once apply each migration exactly once.
 */
const MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum" VARCHAR(64) NOT NULL,
  "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL,
  "logs" TEXT,
  "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;
export const LOCK_ID = 72_707_369; // arbitrary, constant: "aegis migrations"

type Query = (sql: string, params?: unknown[]) => Promise<{ rows: Record<string, unknown>[] }>;

export function migrationsFolder(): string {
  return path.resolve(/*turbopackIgnore: true*/ env().AEGIS_MIGRATIONS_DIR ?? path.join(process.cwd(), "prisma", "migrations"));
}

function readMigrations(dir: string): { name: string; sql: string }[] {
  return fs
    .readdirSync(/*turbopackIgnore: true*/ dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort()
    .map((name) => ({ name, sql: fs.readFileSync(/*turbopackIgnore: true*/ path.join(dir, name, "migration.sql"), "utf8") }));
}

async function applyAll(query: Query, exec: (sql: string) => Promise<unknown>): Promise<string[]> {
  await exec(MIGRATIONS_TABLE);
  const done = await query(`SELECT migration_name, checksum FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`);
  const applied = new Map(done.rows.map((r) => [String(r.migration_name), String(r.checksum)]));
  const newlyApplied: string[] = [];
  for (const m of readMigrations(migrationsFolder())) {
    const checksum = crypto.createHash("sha256").update(m.sql).digest("hex");
    if (applied.has(m.name)) {
      if (applied.get(m.name) !== checksum) console.warn(`[migrate] ${m.name} was edited after it was applied`);
      continue;
    }
    await exec("BEGIN");
    try {
      await exec(m.sql);
      await query(`INSERT INTO "_prisma_migrations" (id, checksum, migration_name, finished_at, applied_steps_count) VALUES ($1, $2, $3, now(), 1)`, [
        crypto.randomUUID(),
        checksum,
        m.name,
      ]);
      await exec("COMMIT");
    } catch (error) {
      await exec("ROLLBACK");
      throw new Error(`migration ${m.name} failed: ${(error as Error).message}`);
    }
    newlyApplied.push(m.name);
  }
  return newlyApplied;
}

/** Brings the database up to date; returns the names of migrations applied now. */
export async function migrate(): Promise<string[]> {
  if (databaseKind() === "pglite") {
    const db = await getPGlite();
    return applyAll(
      (sql, params) => db.query(sql, params) as never,
      (sql) => db.exec(sql),
    );
  }
  // The advisory lock is a session's: behind a transaction-pooling PgBouncer the lock and its
  // unlock could land on different server connections (and a lock left behind blocks every later
  // start), so with DATABASE_DIRECT_URL set the migrations run on a connection of their own.
  const direct = env().DATABASE_DIRECT_URL;
  // Multi-host like DATABASE_URL: the migrations must run on the writable primary.
  const own = direct ? await connectOnce(await loadPg(), direct, "read-write") : null;
  const client = own ?? (await (await getPool()).connect());
  try {
    await client.query("SELECT pg_advisory_lock($1)", [LOCK_ID]);
    return await applyAll(
      (sql, params) => client.query(sql, params),
      (sql) => client.query(sql),
    );
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [LOCK_ID]).catch(() => {});
    if (own) await own.end();
    else (client as import("pg").PoolClient).release();
  }
}
