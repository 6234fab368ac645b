import { methodsNotAllowed } from "@/lib/api/fallback-responses";
import { readJsonBody } from "@/lib/api/read-json-body";
import { withApiKey } from "@/lib/api/with-api-key";
import { assertCan } from "@/lib/permissions/can";
import { attachCard } from "@/lib/rails/attach-card";
import { listAgentCards } from "@/lib/rails/list-agent-cards";
import { AttachCardSchema } from "@/lib/rails/rail-schemas";
import { serializeCard } from "@/lib/rails/serialize-rail";

export const dynamic = "force-dynamic";
export const { PUT, PATCH, DELETE } = methodsNotAllowed(["GET", "POST"]);

export const GET = withApiKey<{ id: string }>(async ({ db, principal, params }) => {
  assertCan(principal, "rail.manage", { orgId: principal.orgId });
  const data = (await listAgentCards(db, principal.orgId, params.id)).map(serializeCard);
  return { body: { object: "list", data, has_more: false, next_cursor: null } };
});

export const POST = withApiKey<{ id: string }>(async ({ req, db, principal, params }) => {
  assertCan(principal, "rail.manage", { orgId: principal.orgId });
  const input = await readJsonBody(req, AttachCardSchema);
  const card = await attachCard(db, {
    orgId: principal.orgId,
    actor: principal,
    agentId: params.id,
    provider: input.provider,
    railCardId: input.card,
    last4: input.last4,
  });
  return { status: 201, body: serializeCard(card) };
});
