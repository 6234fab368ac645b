import { methodsNotAllowed } from "@/lib/api/fallback-responses";
import { withApiKey } from "@/lib/api/with-api-key";
import { assertCan } from "@/lib/permissions/can";
import { approvePolicyChange } from "@/lib/policies/proposals/approve-policy-change";

export const dynamic = "force-dynamic";
export const { GET, PUT, PATCH, DELETE } = methodsNotAllowed(["POST"]);

export const POST = withApiKey<{ id: string }>(async ({ db, principal, params }) => {
  assertCan(principal, "policy.review", { orgId: principal.orgId });
  return { body: await approvePolicyChange(db, principal, principal.orgId, params.id) };
});
