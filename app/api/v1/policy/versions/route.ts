import { methodsNotAllowed } from "@/lib/api/fallback-responses";
import { withApiKey } from "@/lib/api/with-api-key";
import { assertCan } from "@/lib/permissions/can";
import { listPolicyVersions } from "@/lib/policies/list-policy-versions";

export const dynamic = "force-dynamic";
export const { POST, PUT, PATCH, DELETE } = methodsNotAllowed(["GET"]);

export const GET = withApiKey(async ({ db, principal }) => {
  assertCan(principal, "policy.read", { orgId: principal.orgId });
  return { body: { object: "list", data: await listPolicyVersions(db, principal.orgId, { withDocuments: true }) } };
});
