import { methodsNotAllowed } from "@/lib/api/fallback-responses";
import { withApiKey } from "@/lib/api/with-api-key";
import { assertCan } from "@/lib/permissions/can";
import { rotateAuditSigningKey } from "@/lib/audit/rotate-audit-signing-key";

export const dynamic = "force-dynamic";
export const { GET, PUT, PATCH, DELETE } = methodsNotAllowed(["POST"]);

export const POST = withApiKey(async ({ db, principal }) => {
  assertCan(principal, "audit.rotate_key", { orgId: principal.orgId });
  return { status: 201, body: await rotateAuditSigningKey(db, principal, principal.orgId) };
});
