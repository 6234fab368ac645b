import type { DbOrTx } from "@/lib/db/client";
import { assertAdmin, type AdminActor } from "@/lib/permissions/authorize-admin";
import { serializeEndpoint } from "./serialize-webhook";

/** All endpoints of the organisation, oldest first (an organisation has a handful). */
export async function listWebhookEndpoints(db: DbOrTx, actor: AdminActor, orgId: string) {
  assertAdmin(actor, orgId);
  const rows = await db.webhookEndpoint.findMany({ where: { orgId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
  return { object: "list" as const, data: rows.map((r) => serializeEndpoint(r)), has_more: false, next_cursor: null };
}
