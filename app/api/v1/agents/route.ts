import { methodsNotAllowed } from "@/lib/api/fallback-responses";
import { withApiKey, queryObject } from "@/lib/api/with-api-key";
import { ListAgentsQuerySchema } from "@/lib/agents/agent-schemas";
import { listAgents } from "@/lib/agents/list-agents";

export const dynamic = "force-dynamic";
export const { POST, PUT, PATCH, DELETE } = methodsNotAllowed(["GET"]);

export const GET = withApiKey(async ({ req, db, principal }) => {
  return { body: await listAgents(db, principal, ListAgentsQuerySchema.parse(queryObject(req))) };
});
