import { methodsNotAllowed } from "@/lib/api/fallback-responses";
import { readJsonBody } from "@/lib/api/read-json-body";
import { withApiKey } from "@/lib/api/with-api-key";
import { freezeSpending } from "@/lib/organizations/freeze-spending";
import { getSpendingFreeze } from "@/lib/organizations/get-spending-freeze";
import { FreezeSpendingSchema } from "@/lib/organizations/spending-freeze-schemas";
import { unfreezeSpending } from "@/lib/organizations/unfreeze-spending";
import { assertCan } from "@/lib/permissions/can";

export const dynamic = "force-dynamic";
export const { PUT, PATCH } = methodsNotAllowed(["GET", "POST", "DELETE"]);

export const GET = withApiKey(async ({ db, principal }) => ({ body: await getSpendingFreeze(db, principal, principal.orgId) }));

export const POST = withApiKey(async ({ req, db, principal }) => {
  assertCan(principal, "spending.freeze"); // before the body: a non-admin learns nothing more
  const { reason } = await readJsonBody(req, FreezeSpendingSchema, { optional: true });
  return { body: await freezeSpending(db, principal, { orgId: principal.orgId }, reason ?? null) };
});

export const DELETE = withApiKey(async ({ db, principal }) => ({ body: await unfreezeSpending(db, principal, { orgId: principal.orgId }) }));
