import type { Principal } from "@/lib/auth/principal";
import type { DbOrTx } from "@/lib/db/client";
import { notFound } from "@/lib/errors/app-error";
import type { CardSettingsDto } from "./rail-schemas";

/**
 * The organisation's card settings, for anyone of it (agent keys too: an agent should know how far
 * over its intent a card payment may go and how long an approval covers it). Writes are
 * setCardSettings (admins).
 */
export async function getCardSettings(db: DbOrTx, principal: Principal): Promise<CardSettingsDto> {
  const org = await db.organization.findUnique({ where: { id: principal.orgId }, select: { cardToleranceBps: true, cardValidityMinutes: true } });
  if (!org) throw notFound("Organisation");
  return { object: "card_settings", tolerance_bps: org.cardToleranceBps, validity_minutes: org.cardValidityMinutes };
}
