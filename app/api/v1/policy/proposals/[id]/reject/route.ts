import { methodsNotAllowed } from "@/lib/api/fallback-responses";
import { readJsonBody } from "@/lib/api/read-json-body";
import { withApiKey } from "@/lib/api/with-api-key";
import { assertCan } from "@/lib/permissions/can";
import { RejectPolicyChangeSchema } from "@/lib/policies/policy-change-schemas";
import { rejectPolicyChange } from "@/lib/policies/proposals/reject-policy-change";

export const dynamic = "force-dynamic";
export const { GET, PUT, PATCH, DELETE } = methodsNotAllowed(["POST"]);

export const POST = withApiKey<{ id: string }>(async ({ req, db, principal, params }) => {
  assertCan(principal, "policy.review", { orgId: principal.orgId });
  const input = await readJsonBody(req, RejectPolicyChangeSchema);
  return { body: await rejectPolicyChange(db, principal, principal.orgId, params.id, input.reason) };
});
