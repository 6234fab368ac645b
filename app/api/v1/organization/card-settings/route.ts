import { methodsNotAllowed } from "@/lib/api/fallback-responses";
import { readJsonBody } from "@/lib/api/read-json-body";
import { withApiKey } from "@/lib/api/with-api-key";
import { assertCan } from "@/lib/permissions/can";
import { getCardSettings } from "@/lib/rails/get-card-settings";
import { CardSettingsSchema } from "@/lib/rails/rail-schemas";
import { setCardSettings } from "@/lib/rails/set-card-settings";

export const dynamic = "force-dynamic";
export const { POST, PATCH, DELETE } = methodsNotAllowed(["GET", "PUT"]);

export const GET = withApiKey(async ({ db, principal }) => ({ body: await getCardSettings(db, principal) }));

export const PUT = withApiKey(async ({ req, db, principal }) => {
  assertCan(principal, "rail.manage", { orgId: principal.orgId }); // before the body: a non-admin learns nothing more
  const input = await readJsonBody(req, CardSettingsSchema);
  const saved = await setCardSettings(db, principal, principal.orgId, input);
  return { body: { object: "card_settings" as const, ...saved } };
});
