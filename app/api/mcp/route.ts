import { withApiKey } from "@/lib/api/with-api-key";
import { createAegisMcpHandler } from "@/lib/mcp/create-mcp-handler";
import { methodsNotAllowed } from "@/lib/api/fallback-responses";

export const dynamic = "force-dynamic";
export const { PUT, PATCH } = methodsNotAllowed(["GET", "POST", "DELETE"]);
// wait_for_decision holds a call for up to 50 s.
export const maxDuration = 60;

/**
 * The MCP server (Streamable HTTP). Same wrapper as the REST API: bearer API keys only
 * (no dashboard cookie), the per-key rate limit, and the API error body for a refused call.
 */
const handle = withApiKey(async ({ req, db, principal, requestId }) => createAegisMcpHandler({ db, principal, requestId, signal: req.signal })(req), {
  bearerOnly: true,
});

export { handle as GET, handle as POST, handle as DELETE };
