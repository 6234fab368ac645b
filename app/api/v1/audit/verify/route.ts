import { methodsNotAllowed } from "@/lib/api/fallback-responses";
import { withApiKey } from "@/lib/api/with-api-key";
import { verifyAuditChain } from "@/lib/audit/verify-audit-chain";

export const dynamic = "force-dynamic";
export const { POST, PUT, PATCH, DELETE } = methodsNotAllowed(["GET"]);

export const GET = withApiKey(async ({ db, principal }) => ({
  body: { object: "audit_chain_report", ...(await verifyAuditChain(db, principal, principal.orgId)) },
}));
