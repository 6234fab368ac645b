import { methodsNotAllowed } from "@/lib/api/fallback-responses";
import { readJsonBody } from "@/lib/api/read-json-body";
import { withApiKey } from "@/lib/api/with-api-key";
import { freezeSpending } from "@/lib/organizations/freeze-spending";
import { FreezeSpendingSchema } from "@/lib/organizations/spending-freeze-schemas";
import { unfreezeSpending } from "@/lib/organizations/unfreeze-spending";
import { assertCan } from "@/lib/permissions/can";

export const dynamic = "force-dynamic";
export const { GET, PUT, PATCH } = methodsNotAllowed(["POST", "DELETE"]);

export const POST = withApiKey<{ id: string }>(async ({ req, db, principal, params }) => {
  assertCan(principal, "spending.freeze");
  const { reason } = await readJsonBody(req, FreezeSpendingSchema, { optional: true });
  return { body: await freezeSpending(db, principal, { orgId: principal.orgId, agentId: params.id }, reason ?? null) };
});

export const DELETE = withApiKey<{ id: string }>(async ({ db, principal, params }) => ({
  body: await unfreezeSpending(db, principal, { orgId: principal.orgId, agentId: params.id }),
}));
