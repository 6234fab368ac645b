import { PrismaClient } from "@/lib/generated/prisma/client";
import { databaseKind } from "./config";
import { getPGlite, getPool } from "./raw-sql";

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

async function createClient(): Promise<PrismaClient> {
  if (databaseKind() === "pglite") {
    const { PrismaPGlite } = await import("pglite-prisma-adapter");
    return new PrismaClient({ adapter: new PrismaPGlite(await getPGlite()) });
  }
  const { PrismaPg } = await import("@prisma/adapter-pg");
  return new PrismaClient({ adapter: new PrismaPg(await getPool()) });
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
