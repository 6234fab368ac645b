import type { DbOrTx } from "@/lib/db/client";
import type { SignInRules } from "./organization-schemas";

/** The organisation's sign-in rules (Settings → Sign-in security, `org sign-in-rules`). */
export async function getSignInRules(db: DbOrTx, orgId: string): Promise<SignInRules & { currency: string }> {
  const org = await db.organization.findUniqueOrThrow({ where: { id: orgId }, select: { requireSecondFactor: true, stepUpThreshold: true, currency: true } });
  return {
    require_second_factor: org.requireSecondFactor,
    step_up_threshold: org.stepUpThreshold === null ? null : Number(org.stepUpThreshold),
    currency: org.currency,
  };
}
