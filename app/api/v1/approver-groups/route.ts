import { z } from "zod";
import { methodsNotAllowed } from "@/lib/api/fallback-responses";
import { readJsonBody } from "@/lib/api/read-json-body";
import { withApiKey } from "@/lib/api/with-api-key";
import { createApproverGroup } from "@/lib/approver-groups/create-approver-group";
import { listApproverGroups } from "@/lib/approver-groups/list-approver-groups";

export const dynamic = "force-dynamic";
export const { PUT, PATCH, DELETE } = methodsNotAllowed(["GET", "POST"]);

export const GET = withApiKey(async ({ db, principal }) => ({ body: await listApproverGroups(db, principal) }));

export const POST = withApiKey(async ({ req, db, principal }) => {
  const body = await readJsonBody(req, z.record(z.string(), z.unknown()));
  return { status: 201, body: await createApproverGroup(db, principal, principal.orgId, body) };
});
