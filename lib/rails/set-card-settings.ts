import type { Actor } from "@/lib/auth/principal";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Db } from "@/lib/db/client";
import { notFound } from "@/lib/errors/app-error";
import { assertCan } from "@/lib/permissions/can";
import { CardSettingsSchema, type CardSettingsInput } from "./rail-schemas";

export type CardSettings = { toleranceBps: number; validityMinutes: number };

/** Sets how card authorizations are matched: tolerance over the intent's remaining amount, and how long an approval covers. */
export async function setCardSettings(
  db: Db,
  actor: Actor,
  orgId: string,
  input: CardSettingsInput,
): Promise<{ tolerance_bps: number; validity_minutes: number }> {
  assertCan(actor, "rail.manage", { orgId });
  const data = CardSettingsSchema.parse(Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)));
  return db.$transaction(async (tx) => {
    const org = await tx.organization.findUnique({ where: { id: orgId }, select: { id: true } });
    if (!org) throw notFound("Organisation");
    const updated = await tx.organization.update({
      where: { id: orgId },
      data: {
        ...(data.tolerance_bps !== undefined ? { cardToleranceBps: data.tolerance_bps } : {}),
        ...(data.validity_minutes !== undefined ? { cardValidityMinutes: data.validity_minutes } : {}),
      },
      select: { cardToleranceBps: true, cardValidityMinutes: true },
    });
    const settings = { tolerance_bps: updated.cardToleranceBps, validity_minutes: updated.cardValidityMinutes };
    await recordAuditEvent(tx, { orgId, actor, action: "organization.card_settings_set", targetId: orgId, data: settings });
    return settings;
  });
}
