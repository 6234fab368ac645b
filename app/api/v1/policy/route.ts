import { methodsNotAllowed } from "@/lib/api/fallback-responses";
import { readJsonBody } from "@/lib/api/read-json-body";
import { withApiKey } from "@/lib/api/with-api-key";
import { assertCan } from "@/lib/permissions/can";
import { getPolicyView } from "@/lib/policies/get-policy-view";
import { SetPolicySchema } from "@/lib/policies/policy-schemas";
import { proposePolicyChange } from "@/lib/policies/proposals/propose-policy-change";

export const dynamic = "force-dynamic";
export const { POST, PATCH, DELETE } = methodsNotAllowed(["GET", "PUT"]);

export const GET = withApiKey(async ({ db, principal }) => ({ body: await getPolicyView(db, principal) }));

/**
 * An edit. With two or more admins it waits for a second one: 202 with the proposal. With
 * one admin it is live at once and the answer is the policy, as before four eyes.
 */
export const PUT = withApiKey(async ({ req, db, principal }) => {
  assertCan(principal, "policy.update", { orgId: principal.orgId });
  const input = await readJsonBody(req, SetPolicySchema);
  const change = await proposePolicyChange(db, principal, principal.orgId, { kind: "edit", ...input });
  if (change.status === "pending") return { status: 202, body: change };
  return { body: await getPolicyView(db, principal) };
});
