import { methodsNotAllowed } from "@/lib/api/fallback-responses";
import { queryObject, withApiKey } from "@/lib/api/with-api-key";
import { ListAuditCheckpointsQuerySchema } from "@/lib/audit/audit-schemas";
import { listAuditCheckpoints } from "@/lib/audit/list-audit-checkpoints";

export const dynamic = "force-dynamic";
export const { POST, PUT, PATCH, DELETE } = methodsNotAllowed(["GET"]);

export const GET = withApiKey(async ({ req, db, principal }) => {
  const q = ListAuditCheckpointsQuerySchema.parse(queryObject(req));
  const beforeSeq = q.before_seq === undefined ? undefined : BigInt(q.before_seq);
  return { body: await listAuditCheckpoints(db, principal, principal.orgId, { limit: q.limit, beforeSeq }) };
});
