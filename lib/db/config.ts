import path from "node:path";
import { env } from "@/lib/env";

export type DatabaseKind = "pglite" | "postgresql";

/** The data folder of the embedded database, demo credentials and the server's secrets. */
export function dataDir(): string {
  return path.resolve(/*turbopackIgnore: true*/ env().AEGIS_DATA_DIR);
}

export function databaseUrl(): string | null {
  return env().DATABASE_URL ?? null;
}

/** A replica for page reads; only with PostgreSQL (the embedded database has none). */
export function databaseReadUrl(): string | null {
  return databaseUrl() ? (env().DATABASE_READ_URL ?? null) : null;
}

/**
 * The database server itself, for a session that must stay one session: LISTEN and the migrations'
 * advisory lock. A transaction-pooling PgBouncer (DATABASE_URL) hands each transaction whatever
 * server connection is free, so neither works through it; DATABASE_DIRECT_URL bypasses it.
 */
export function directDatabaseUrl(): string | null {
  return env().DATABASE_DIRECT_URL ?? databaseUrl();
}

/** `DATABASE_URL=postgres://…` switches to PostgreSQL; anything else is the embedded PGlite. */
export function databaseKind(): DatabaseKind {
  return databaseUrl() ? "postgresql" : "pglite";
}

export function pgliteDir(): string {
  return path.join(dataDir(), "pglite");
}
