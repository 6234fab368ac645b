import { methodsNotAllowed } from "@/lib/api/fallback-responses";
import { withApiKey } from "@/lib/api/with-api-key";
import { detachCard } from "@/lib/rails/detach-card";
import { serializeCard } from "@/lib/rails/serialize-rail";

export const dynamic = "force-dynamic";
export const { GET, POST, PUT, PATCH } = methodsNotAllowed(["DELETE"]);

export const DELETE = withApiKey<{ id: string }>(async ({ db, principal, params }) => ({
  body: serializeCard(await detachCard(db, { orgId: principal.orgId, actor: principal, cardId: params.id })),
}));
