import { PrismaClient } from "@/lib/generated/prisma/client";
import { env } from "@/lib/env";
import { databaseKind } from "./config";
import { getPGlite, getPool } from "./raw-sql";
import { bindSql, createSql } from "./sql";

export type Db = PrismaClient;
/**
 * An open transaction, and only that: the plain client has `$connect` and so does not fit,
 * which lets the compiler check that writes meant to share a transaction (a change and its
 * audit row) really do.
 */
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0] & { $connect?: never };
/** Either the client or an open transaction: domain functions accept both. */
export type DbOrTx = PrismaClient | Tx;

const holder = globalThis as { __aegisPrisma?: Promise<PrismaClient> };

/** The Prisma client and the typed SQL layer (lib/db/sql.ts) over one raw connection, paired. */
async function createClient(): Promise<PrismaClient> {
  if (databaseKind() === "pglite") {
    const { PrismaPGlite } = await import("pglite-prisma-adapter");
    const pglite = await getPGlite();
    const client = new PrismaClient({ adapter: new PrismaPGlite(pglite) });
    bindSql(client, createSql({ pglite }));
    return client;
  }
  const { PrismaPg } = await import("@prisma/adapter-pg");
  const pool = await getPool();
  const client = new PrismaClient({ adapter: new PrismaPg(pool) });
  // AEGIS_DB_NAMED_STATEMENTS=0 behind a transaction-pooling PgBouncer older than 1.21 (lib/db/sql-driver.ts).
  bindSql(client, createSql({ pool, namedStatements: env().AEGIS_DB_NAMED_STATEMENTS }));
  return client;
}

/** The process-wide Prisma client (one per process, shared through globalThis). */
export function getDb(): Promise<PrismaClient> {
  if (!holder.__aegisPrisma) {
    holder.__aegisPrisma = createClient();
    holder.__aegisPrisma.catch(() => (holder.__aegisPrisma = undefined));
  }
  return holder.__aegisPrisma;
}

export async function disconnectDb(): Promise<void> {
  const client = holder.__aegisPrisma;
  holder.__aegisPrisma = undefined;
  if (client) await (await client).$disconnect();
}
