import { methodsNotAllowed } from "@/lib/api/fallback-responses";
import { withApiKey } from "@/lib/api/with-api-key";
import { purgeAuditEvents } from "@/lib/audit/purge-audit-events";
import { assertCan } from "@/lib/permissions/can";

export const dynamic = "force-dynamic";
export const { GET, PUT, PATCH, DELETE } = methodsNotAllowed(["POST"]);

/** Deletes events past the organisation's retention, leaving a signed tombstone checkpoint (admins). */
export const POST = withApiKey(async ({ db, principal }) => {
  assertCan(principal, "audit.purge", { orgId: principal.orgId });
  return { body: { object: "audit_purge", ...(await purgeAuditEvents(db, principal, principal.orgId)) } };
});
