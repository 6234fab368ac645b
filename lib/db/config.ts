import path from "node:path";

export type DatabaseKind = "pglite" | "postgresql";

/** The data folder of the embedded database, demo credentials and the server's secrets. */
export function dataDir(): string {
  return path.resolve(/*turbopackIgnore: true*/ process.env.AEGIS_DATA_DIR ?? ".data");
}

export function databaseUrl(): string | null {
  const url = process.env.DATABASE_URL?.trim();
  return url && /^postgres(ql)?:\/\//.test(url) ? url : null;
}

/** `DATABASE_URL=postgres://…` switches to PostgreSQL; anything else is the embedded PGlite. */
export function databaseKind(): DatabaseKind {
  return databaseUrl() ? "postgresql" : "pglite";
}

export function pgliteDir(): string {
  return path.join(dataDir(), "pglite");
}
