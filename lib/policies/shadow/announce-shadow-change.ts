import type { Tx } from "@/lib/db/client";

/**
 * Tells every instance that the organisation's decision settings (which carry the shadow
 * draft) changed. A no-op until the decision-settings cache exists; see get-decision-settings.
 */
export async function announceShadowChange(_tx: Tx, _orgId: string): Promise<void> {}
