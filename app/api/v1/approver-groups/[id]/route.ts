import { z } from "zod";
import { methodsNotAllowed } from "@/lib/api/fallback-responses";
import { readJsonBody } from "@/lib/api/read-json-body";
import { withApiKey } from "@/lib/api/with-api-key";
import { deleteApproverGroup } from "@/lib/approver-groups/delete-approver-group";
import { getApproverGroup } from "@/lib/approver-groups/get-approver-group";
import { updateApproverGroup } from "@/lib/approver-groups/update-approver-group";

export const dynamic = "force-dynamic";
export const { POST, PUT } = methodsNotAllowed(["GET", "PATCH", "DELETE"]);

export const GET = withApiKey<{ id: string }>(async ({ db, principal, params }) => ({ body: await getApproverGroup(db, principal, params.id) }));

export const PATCH = withApiKey<{ id: string }>(async ({ req, db, principal, params }) => {
  const body = await readJsonBody(req, z.record(z.string(), z.unknown()));
  return { body: await updateApproverGroup(db, principal, principal.orgId, params.id, body) };
});

export const DELETE = withApiKey<{ id: string }>(async ({ db, principal, params }) => ({
  body: await deleteApproverGroup(db, principal, principal.orgId, params.id),
}));
