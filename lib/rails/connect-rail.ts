import type { Actor } from "@/lib/auth/principal";
import { actorLabel } from "@/lib/auth/principal";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { sealSecret } from "@/lib/crypto/secret-box";
import type { Db } from "@/lib/db/client";
import { newId } from "@/lib/db/ids";
import { AppError } from "@/lib/errors/app-error";
import { assertCan } from "@/lib/permissions/can";
import type { RailProvider } from "./rail-adapter";
import { ConnectRailSchema } from "./rail-schemas";
import { railAdapters } from "./registry";
import { connectionView, type RailConnectionView } from "./serialize-rail";

/**
 * Connects the organisation to a card rail: the rail's signing secret is stored sealed and never
 * returned; the answer carries the webhook URL to paste into the rail's dashboard. One active
 * connection per provider (a second is a 409: disconnect the old one first, e.g. to change the
 * secret). A provider with no adapter on this server is refused (422): nothing could verify it.
 */
export async function connectRail(db: Db, input: { orgId: string; actor: Actor; provider: RailProvider; webhookSecret: string }): Promise<RailConnectionView> {
  assertCan(input.actor, "rail.manage", { orgId: input.orgId });
  const { provider, webhook_secret } = ConnectRailSchema.parse({ provider: input.provider, webhook_secret: input.webhookSecret });
  if (!railAdapters[provider])
    throw new AppError("rail_unavailable", `This server cannot speak to ${provider} yet`, [{ field: "provider", issue: "no adapter" }]);
  const createdBy = actorLabel(input.actor);
  const row = await db.$transaction(async (tx) => {
    const active = await tx.railConnection.findFirst({ where: { orgId: input.orgId, provider, status: "active" }, select: { id: true } });
    if (active) throw new AppError("conflict", `This organisation already has an active ${provider} connection (${active.id}); disconnect it first`);
    const created = await tx.railConnection.create({
      data: { id: newId("rail"), orgId: input.orgId, provider, webhookSecret: sealSecret(webhook_secret), createdBy },
    });
    await recordAuditEvent(tx, { orgId: input.orgId, actor: input.actor, action: "rail.connected", targetId: created.id, data: { provider } });
    return created;
  });
  return connectionView(row, null);
}
