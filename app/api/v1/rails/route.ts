import { methodsNotAllowed } from "@/lib/api/fallback-responses";
import { readJsonBody } from "@/lib/api/read-json-body";
import { withApiKey } from "@/lib/api/with-api-key";
import { assertCan } from "@/lib/permissions/can";
import { connectRail } from "@/lib/rails/connect-rail";
import { listRailConnections } from "@/lib/rails/list-rail-connections";
import { ConnectRailSchema } from "@/lib/rails/rail-schemas";
import { serializeRailConnection } from "@/lib/rails/serialize-rail";

export const dynamic = "force-dynamic";
export const { PUT, PATCH, DELETE } = methodsNotAllowed(["GET", "POST"]);

export const GET = withApiKey(async ({ db, principal }) => {
  assertCan(principal, "rail.manage", { orgId: principal.orgId });
  const data = (await listRailConnections(db, principal.orgId)).map(serializeRailConnection);
  return { body: { object: "list", data, has_more: false, next_cursor: null } };
});

export const POST = withApiKey(async ({ req, db, principal }) => {
  assertCan(principal, "rail.manage", { orgId: principal.orgId });
  const input = await readJsonBody(req, ConnectRailSchema);
  const connection = await connectRail(db, { orgId: principal.orgId, actor: principal, provider: input.provider, webhookSecret: input.webhook_secret });
  return { status: 201, body: serializeRailConnection(connection) };
});
