import { methodsNotAllowed } from "@/lib/api/fallback-responses";
import { withApiKey } from "@/lib/api/with-api-key";
import { getAgent } from "@/lib/agents/get-agent";

export const dynamic = "force-dynamic";
export const { POST, PUT, PATCH, DELETE } = methodsNotAllowed(["GET"]);

export const GET = withApiKey<{ id: string }>(async ({ db, principal, params }) => ({ body: await getAgent(db, principal, params.id) }));
