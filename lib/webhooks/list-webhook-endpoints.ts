import type { DbOrTx } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/principal";
import { assertCan } from "@/lib/permissions/can";
import { serializeEndpoint } from "./serialize-webhook";

/** All endpoints of the organisation, oldest first (an organisation has a handful). */
export async function listWebhookEndpoints(db: DbOrTx, actor: Actor, orgId: string) {
  assertCan(actor, "webhook.list", { orgId });
  const rows = await db.webhookEndpoint.findMany({ where: { orgId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
  return { object: "list" as const, data: rows.map((r) => serializeEndpoint(r)), has_more: false, next_cursor: null };
}
