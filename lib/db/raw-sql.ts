import fs from "node:fs";
import type { PGlite } from "@electric-sql/pglite";
import type { Pool } from "pg";
import { dataDir, databaseReadUrl, databaseUrl, pgliteDir } from "./config";
import { secureDataDir } from "./secure-data-dir";
import { env } from "@/lib/env";
import { pgliteExtensions } from "./pglite-extensions";
import { createFailoverPool } from "./failover-pool";

/**
 * The raw connection under Prisma: one PGlite per process (it is single-connection and
 * does not lock its folder) or a pg Pool. Kept on globalThis so Next's module reloading
 * and several bundles in one process share it.
 */
type RawState = { pglite?: Promise<PGlite>; pool?: Pool; readPool?: Pool };
const state: RawState = ((globalThis as { __aegisRaw?: RawState }).__aegisRaw ??= {});

export async function getPGlite(): Promise<PGlite> {
  if (!state.pglite) {
    const dir = pgliteDir();
    state.pglite = (async () => {
      const fixed = secureDataDir(dataDir());
      if (fixed) console.warn(`[db] made ${fixed} files and folders in ${dataDir()} private to this user (they were readable by others)`);
      fs.mkdirSync(dir, { recursive: true });
      const { PGlite } = await import("@electric-sql/pglite");
      const db = new PGlite(dir, { extensions: await pgliteExtensions() });
      await db.waitReady;
      return db;
    })();
    // A failed open must not be cached: the next caller tries again.
    state.pglite.catch(() => (state.pglite = undefined));
  }
  return state.pglite;
}

/**
 * The pool over DATABASE_URL, which may name several hosts (a libpq multi-host URL): new
 * connections go to the one that takes writes (lib/db/failover-pool.ts), found again after a
 * failover. Several hosts without target_session_attrs mean read-write: this pool moves money.
 */
export async function getPool(): Promise<Pool> {
  if (!state.pool) state.pool = createFailoverPool(await loadPg(), databaseUrl()!, { max: env().AEGIS_DB_POOL_SIZE, attrsForSeveralHosts: "read-write" });
  return state.pool;
}

/**
 * The pool over DATABASE_READ_URL (a replica, or several: libpq style, `prefer-standby` when the
 * URL names several hosts and no target_session_attrs), or null when none is set. Only page
 * reads use it (lib/db/client.ts `getReadDb`).
 */
export async function getReadPool(): Promise<Pool | null> {
  const url = databaseReadUrl();
  if (!url) return null;
  if (!state.readPool) state.readPool = createFailoverPool(await loadPg(), url, { max: env().AEGIS_DB_POOL_SIZE, attrsForSeveralHosts: "prefer-standby" });
  return state.readPool;
}

/** pg is CommonJS: its classes are on the default export when loaded as ESM. */
export async function loadPg(): Promise<typeof import("pg")> {
  const mod: typeof import("pg") & { default?: unknown } = await import("pg");
  return (mod.default as typeof import("pg") | undefined) ?? mod;
}

/** Closes the raw connection (shutdown, CLI exit); PGlite must be closed or the next start recovers. */
export async function closeRaw(): Promise<void> {
  const { pglite, pool, readPool } = state;
  state.pglite = undefined;
  state.pool = undefined;
  state.readPool = undefined;
  if (pglite) await (await pglite).close();
  if (pool) await pool.end();
  if (readPool) await readPool.end();
}
