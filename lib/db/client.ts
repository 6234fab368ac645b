import { PrismaClient } from "@/lib/generated/prisma/client";
import { env } from "@/lib/env";
import { databaseKind, databaseReadUrl } from "./config";
import { getPGlite, getPool, getReadPool } from "./raw-sql";
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

/**
 * A client whose reads may be served by a replica (DATABASE_READ_URL), a few milliseconds behind
 * the primary. Page reads only: it has no `$transaction` and no raw writes, so it is not a `Db`
 * or a `Tx`, and no verb that moves money, decides, approves or reads-then-writes accepts it
 * (they all take those). Its typed SQL layer refuses to BEGIN, so `sqlTransaction` on it fails
 * too. Without DATABASE_READ_URL it is the primary's client.
 */
export type ReadDb = Omit<PrismaClient, "$transaction" | "$executeRaw" | "$executeRawUnsafe">;
/** What a read-only loader takes: the replica's client, or the primary's (or an open transaction) when the read must be current. */
export type AnyReadDb = ReadDb | DbOrTx;

const holder = globalThis as { __aegisPrisma?: Promise<PrismaClient>; __aegisPrismaRead?: Promise<ReadDb> };

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

/** The client for page reads: over DATABASE_READ_URL's replica when it is set, else `getDb()`'s. */
export function getReadDb(): Promise<ReadDb> {
  if (!databaseReadUrl()) return getDb();
  if (!holder.__aegisPrismaRead) {
    holder.__aegisPrismaRead = (async () => {
      const { PrismaPg } = await import("@prisma/adapter-pg");
      const pool = (await getReadPool())!;
      const client = new PrismaClient({ adapter: new PrismaPg(pool) });
      bindSql(client, createSql({ pool, namedStatements: env().AEGIS_DB_NAMED_STATEMENTS, readOnly: true }));
      return client;
    })();
    holder.__aegisPrismaRead.catch(() => (holder.__aegisPrismaRead = undefined));
  }
  return holder.__aegisPrismaRead;
}

export async function disconnectDb(): Promise<void> {
  const client = holder.__aegisPrisma;
  const read = holder.__aegisPrismaRead;
  holder.__aegisPrisma = undefined;
  holder.__aegisPrismaRead = undefined;
  if (client) await (await client).$disconnect();
  if (read) await (await read).$disconnect();
}
