import { methodsNotAllowed } from "@/lib/api/fallback-responses";
import { withApiKey } from "@/lib/api/with-api-key";
import { readJsonBody } from "@/lib/api/read-json-body";
import { RespondToApprovalSchema } from "@/lib/approvals/approval-schemas";
import { respondToApproval } from "@/lib/approvals/respond-to-approval";
import { assertCan } from "@/lib/permissions/can";

export const dynamic = "force-dynamic";
export const { GET, PUT, PATCH, DELETE } = methodsNotAllowed(["POST"]);

export const POST = withApiKey<{ id: string }>(async ({ req, db, principal, params }) => {
  // Checked before the body so an agent key learns nothing else from this endpoint.
  assertCan(principal, "approval.answer");
  const input = await readJsonBody(req, RespondToApprovalSchema);
  return { body: await respondToApproval(db, principal, params.id, input) };
});
