import type { Principal } from "@/lib/auth/principal";
import type { DbOrTx } from "@/lib/db/client";
import { assertCan } from "@/lib/permissions/can";
import { toPolicyDocument } from "@/lib/policies/engine";
import { getOrgCurrency } from "@/lib/organizations/get-org-currency";
import { getOrgPolicy } from "./get-org-policy";

/**
 * The organisation's current policy as the API shows it, with the version a save must name and
 * the currency its amounts are in (the organisation's). People only.
 */
export async function getPolicyView(db: DbOrTx, principal: Principal) {
  assertCan(principal, "policy.read", { orgId: principal.orgId });
  const [p, currency] = await Promise.all([getOrgPolicy(db, principal.orgId), getOrgCurrency(db, principal.orgId)]);
  return {
    object: "policy" as const,
    version: p.version,
    updated_at: p.updatedAt?.toISOString() ?? null,
    updated_by: p.updatedBy,
    document: toPolicyDocument(p.policy, currency),
  };
}
