import { methodsNotAllowed } from "@/lib/api/fallback-responses";
import { readJsonBody } from "@/lib/api/read-json-body";
import { withApiKey } from "@/lib/api/with-api-key";
import { SetAuditRetentionSchema } from "@/lib/audit/audit-schemas";
import { setAuditRetention } from "@/lib/audit/set-audit-retention";
import { assertCan } from "@/lib/permissions/can";

export const dynamic = "force-dynamic";
export const { GET, POST, PATCH, DELETE } = methodsNotAllowed(["PUT"]);

export const PUT = withApiKey(async ({ req, db, principal }) => {
  assertCan(principal, "organization.update", { orgId: principal.orgId });
  const { days } = await readJsonBody(req, SetAuditRetentionSchema);
  return { body: { object: "audit_retention", ...(await setAuditRetention(db, principal, principal.orgId, days)) } };
});
