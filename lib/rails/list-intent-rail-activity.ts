import type { Actor } from "@/lib/auth/principal";
import type { DbOrTx } from "@/lib/db/client";
import { notFound } from "@/lib/errors/app-error";
import { getIntentRow } from "@/lib/intents/get-intent";

export type IntentRailActivity = {
  authorizations: {
    authorizationId: string;
    amountMinor: number;
    currency: string;
    approved: boolean;
    status: "pending" | "closed" | "reversed";
    decidedAt: Date;
    reason: string;
  }[];
  transactions: { transactionId: string; type: "capture" | "refund"; amountMinor: number; currency: string; occurredAt: Date }[];
};

/**
 * What the rail did for one intent: the card authorizations answered from it (or that created
 * it) and the captures and refunds that settled it, oldest first. `viewer` narrows the intent to
 * what that principal may read (another organisation's is not found); without it, only orgId.
 */
export async function listIntentRailActivity(db: DbOrTx, orgId: string, intentId: string, viewer?: Actor): Promise<IntentRailActivity> {
  const intent = await getIntentRow(db, viewer ?? "system", intentId);
  if (intent.orgId !== orgId) throw notFound("Intent");
  const [auths, txns] = await Promise.all([
    db.railAuthorization.findMany({ where: { orgId, intentId: intent.id }, orderBy: [{ decidedAt: "asc" }, { id: "asc" }] }),
    db.railTransaction.findMany({ where: { orgId, intentId: intent.id }, orderBy: [{ occurredAt: "asc" }, { id: "asc" }] }),
  ]);
  return {
    authorizations: auths.map((a) => ({
      authorizationId: a.authorizationId,
      amountMinor: Number(a.amount),
      currency: a.currency,
      approved: a.approved,
      status: a.status,
      decidedAt: a.decidedAt,
      reason: a.reason,
    })),
    transactions: txns.map((t) => ({
      transactionId: t.transactionId,
      type: t.type,
      amountMinor: Number(t.amount),
      currency: t.currency,
      occurredAt: t.occurredAt,
    })),
  };
}
