import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Actor } from "@/lib/auth/principal";
import type { Db } from "@/lib/db/client";
import { assertCan } from "@/lib/permissions/can";
import { getOrganizationOrThrow } from "./get-organization-or-throw";
import { SignInRulesSchema, type SignInRules } from "./organization-schemas";

/**
 * Sets whether every admin and approver must sign in with a second factor (those without one
 * are sent to set one up at their next page), and above which amount approving needs a fresh
 * one (null: the admin threshold). Admins only; audited.
 */
export async function setSignInRules(db: Db, actor: Actor, orgId: string, input: SignInRules): Promise<SignInRules> {
  const rules = SignInRulesSchema.parse(input);
  assertCan(actor, "organization.update", { orgId });
  const org = await getOrganizationOrThrow(db, orgId);
  await db.$transaction(async (tx) => {
    await tx.organization.update({
      where: { id: org.id },
      data: { requireSecondFactor: rules.require_second_factor, stepUpThreshold: rules.step_up_threshold === null ? null : BigInt(rules.step_up_threshold) },
    });
    await recordAuditEvent(tx, { orgId: org.id, actor, action: "organization.sign_in_rules_set", targetId: org.id, data: rules });
  });
  return rules;
}
