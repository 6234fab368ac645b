import { methodsNotAllowed } from "@/lib/api/fallback-responses";
import { withApiKey, queryObject } from "@/lib/api/with-api-key";
import { ListApprovalsQuerySchema } from "@/lib/approvals/approval-schemas";
import { listApprovals } from "@/lib/approvals/list-approvals";
import { assertCan } from "@/lib/permissions/can";

export const dynamic = "force-dynamic";
export const { POST, PUT, PATCH, DELETE } = methodsNotAllowed(["GET"]);

export const GET = withApiKey(async ({ req, db, principal }) => {
  // Checked before the query so an agent key gets 403 whatever it sends.
  assertCan(principal, "approval.list");
  return { body: await listApprovals(db, principal, ListApprovalsQuerySchema.parse(queryObject(req))) };
});
