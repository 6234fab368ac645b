import { isLoopbackPeer } from "@/lib/api/client-address";
import type { DatabaseKind } from "@/lib/db/config";
import { env } from "@/lib/env";

/**
 * Whether the CLI's admin channel (app/api/internal/admin) answers this request at all:
 * only from this machine, and on PostgreSQL (where the CLI opens the database itself)
 * only when AEGIS_ADMIN_CHANNEL=1 asks for it.
 */
export function adminChannelAllows(headers: Headers, kind: DatabaseKind, explicitlyEnabled = env().AEGIS_ADMIN_CHANNEL): boolean {
  if (kind === "postgresql" && !explicitlyEnabled) return false;
  return isLoopbackPeer(headers);
}
