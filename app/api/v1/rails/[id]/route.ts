import { methodsNotAllowed } from "@/lib/api/fallback-responses";
import { withApiKey } from "@/lib/api/with-api-key";
import { disconnectRail } from "@/lib/rails/disconnect-rail";
import { serializeRailConnection } from "@/lib/rails/serialize-rail";

export const dynamic = "force-dynamic";
export const { GET, POST, PUT, PATCH } = methodsNotAllowed(["DELETE"]);

export const DELETE = withApiKey<{ id: string }>(async ({ db, principal, params }) => ({
  body: serializeRailConnection(await disconnectRail(db, { orgId: principal.orgId, actor: principal, connectionId: params.id })),
}));
