import { methodsNotAllowed } from "@/lib/api/fallback-responses";
import { readJsonBody } from "@/lib/api/read-json-body";
import { withApiKey } from "@/lib/api/with-api-key";
import { notFound } from "@/lib/errors/app-error";
import { assertCan } from "@/lib/permissions/can";
import { StartShadowPolicySchema } from "@/lib/policies/policy-schemas";
import { getShadowReport } from "@/lib/policies/shadow/get-shadow-report";
import { startShadowPolicy } from "@/lib/policies/shadow/start-shadow-policy";
import { stopShadowPolicy } from "@/lib/policies/shadow/stop-shadow-policy";

export const dynamic = "force-dynamic";
export const { POST, PATCH } = methodsNotAllowed(["GET", "PUT", "DELETE"]);

const report = async (...args: Parameters<typeof getShadowReport>) => {
  const r = await getShadowReport(...args);
  if (!r) throw notFound("Shadow policy");
  return { body: r };
};

export const GET = withApiKey(async ({ db, principal }) => report(db, principal, principal.orgId));

export const PUT = withApiKey(async ({ req, db, principal }) => {
  assertCan(principal, "policy.shadow", { orgId: principal.orgId });
  const input = await readJsonBody(req, StartShadowPolicySchema);
  await startShadowPolicy(db, principal, principal.orgId, input.document);
  return report(db, principal, principal.orgId);
});

export const DELETE = withApiKey(async ({ db, principal }) => {
  await stopShadowPolicy(db, principal, principal.orgId);
  return report(db, principal, principal.orgId);
});
