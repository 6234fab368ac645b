import { methodsNotAllowed } from "@/lib/api/fallback-responses";
import { queryObject, withApiKey } from "@/lib/api/with-api-key";
import { VerifyAuditChainQuerySchema } from "@/lib/audit/audit-schemas";
import { checkAuditChain } from "@/lib/audit/check-audit-chain";
import { AppError } from "@/lib/errors/app-error";
import { assertCan } from "@/lib/permissions/can";

export const dynamic = "force-dynamic";
export const { POST, PUT, PATCH, DELETE } = methodsNotAllowed(["GET"]);

/** One complete chain check at a time per organisation (see checkAuditChain); 202 while a long one runs on. */
export const GET = withApiKey(async ({ req, db, principal }) => {
  assertCan(principal, "audit.verify", { orgId: principal.orgId });
  const q = VerifyAuditChainQuerySchema.parse(queryObject(req));
  const { done, verification: v } = await checkAuditChain(db, principal, principal.orgId, { maxAgeMs: q.max_age * 1000, waitMs: q.wait * 1000 });
  if (!done) {
    return {
      status: 202,
      headers: { "Retry-After": "5" },
      body: { object: "audit_verification", id: v.id, status: "running", requested_at: v.requested_at, started_at: v.started_at },
    };
  }
  if (v.ok === null) throw new AppError("unavailable", `The chain check could not finish: ${v.error ?? "unknown error"}`);
  return {
    body: {
      object: "audit_chain_report",
      org_id: principal.orgId,
      ok: v.ok,
      checked: v.checked,
      pending: v.pending,
      head: v.head,
      first_broken: v.first_broken,
      verification_id: v.id,
      checked_at: v.finished_at,
    },
  };
});
