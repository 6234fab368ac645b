import { methodsNotAllowed } from "@/lib/api/fallback-responses";
import { withApiKey } from "@/lib/api/with-api-key";
import { readJsonBody } from "@/lib/api/read-json-body";
import { RespondToApprovalSchema } from "@/lib/approvals/approval-schemas";
import { respondToApproval } from "@/lib/approvals/respond-to-approval";
import { AppError } from "@/lib/errors/app-error";

export const dynamic = "force-dynamic";
export const { GET, PUT, PATCH, DELETE } = methodsNotAllowed(["POST"]);

export const POST = withApiKey<{ id: string }>(async ({ req, db, principal, params }) => {
  // Checked before the body so an agent key learns nothing else from this endpoint.
  if (principal.kind === "agent") throw new AppError("forbidden", "Agent keys cannot answer approvals");
  const input = await readJsonBody(req, RespondToApprovalSchema);
  return { body: await respondToApproval(db, principal, params.id, input) };
});
