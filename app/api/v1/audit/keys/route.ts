import { methodsNotAllowed } from "@/lib/api/fallback-responses";
import { withApiKey } from "@/lib/api/with-api-key";
import { listAuditSigningKeys } from "@/lib/audit/list-audit-signing-keys";

export const dynamic = "force-dynamic";
export const { POST, PUT, PATCH, DELETE } = methodsNotAllowed(["GET"]);

/** The public keys that verify the organisation's audit checkpoints, retired ones included. */
export const GET = withApiKey(async ({ db, principal }) => ({
  body: { object: "list", data: await listAuditSigningKeys(db, principal, principal.orgId) },
}));
