import { sql } from "kysely";
import type { DbOrTx } from "@/lib/db/client";
import { runSql, type SqlDb } from "@/lib/db/sql";
import { channelEvents, ensureListening } from "./listen";

const CHANNEL = "aegis_cache_changed";

/** Tells every instance (at commit) that what `key` names changed, e.g. `policy:<orgId>`. */
export async function notifyCacheChanged(tx: DbOrTx | SqlDb, key: string): Promise<void> {
  await runSql(tx, sql`SELECT pg_notify(${CHANNEL}, ${key}::text)`);
}

/** Calls `onChange(key)` for every change any instance announces. */
export function onCacheChanged(onChange: (key: string) => void): void {
  void ensureListening();
  channelEvents.on(CHANNEL, onChange);
}
