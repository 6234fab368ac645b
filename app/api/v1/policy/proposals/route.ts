import { methodsNotAllowed } from "@/lib/api/fallback-responses";
import { readJsonBody } from "@/lib/api/read-json-body";
import { queryObject, withApiKey } from "@/lib/api/with-api-key";
import { assertCan } from "@/lib/permissions/can";
import { ListPolicyChangesQuerySchema, ProposePolicyChangeSchema } from "@/lib/policies/policy-change-schemas";
import { listPolicyChanges } from "@/lib/policies/proposals/list-policy-changes";
import { proposePolicyChange } from "@/lib/policies/proposals/propose-policy-change";

export const dynamic = "force-dynamic";
export const { PUT, PATCH, DELETE } = methodsNotAllowed(["GET", "POST"]);

export const GET = withApiKey(async ({ req, db, principal }) => {
  assertCan(principal, "policy.review", { orgId: principal.orgId });
  const q = ListPolicyChangesQuerySchema.parse(queryObject(req));
  return { body: { object: "list", data: await listPolicyChanges(db, principal, principal.orgId, q) } };
});

/** Any kind of change; 202 while it waits for a second admin, 201 when it went live at once (one admin). */
export const POST = withApiKey(async ({ req, db, principal }) => {
  assertCan(principal, "policy.update", { orgId: principal.orgId });
  const input = await readJsonBody(req, ProposePolicyChangeSchema);
  const change = await proposePolicyChange(db, principal, principal.orgId, input);
  return { status: change.status === "pending" ? 202 : 201, body: change };
});
