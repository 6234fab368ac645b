import { methodsNotAllowed } from "@/lib/api/fallback-responses";
import { readJsonBody } from "@/lib/api/read-json-body";
import { withApiKey } from "@/lib/api/with-api-key";
import { assertCan } from "@/lib/permissions/can";
import { getPolicyView } from "@/lib/policies/get-policy-view";
import { SetPolicySchema } from "@/lib/policies/policy-schemas";
import { setOrgPolicy } from "@/lib/policies/set-org-policy";

export const dynamic = "force-dynamic";
export const { POST, PATCH, DELETE } = methodsNotAllowed(["GET", "PUT"]);

export const GET = withApiKey(async ({ db, principal }) => ({ body: await getPolicyView(db, principal) }));

export const PUT = withApiKey(async ({ req, db, principal }) => {
  assertCan(principal, "policy.update", { orgId: principal.orgId });
  const input = await readJsonBody(req, SetPolicySchema);
  await setOrgPolicy(db, principal, principal.orgId, input.document, input.base_version);
  return { body: await getPolicyView(db, principal) };
});
