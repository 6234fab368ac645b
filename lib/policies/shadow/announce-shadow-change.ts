import type { Tx } from "@/lib/db/client";
import { notifyCacheChanged } from "@/lib/events/cache-events";

/** Tells every instance (at commit) that the organisation's decision settings, which carry the shadow draft, changed. */
export async function announceShadowChange(tx: Tx, orgId: string): Promise<void> {
  await notifyCacheChanged(tx, `org:${orgId}`);
}
