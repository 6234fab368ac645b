import type { NextRequest } from "next/server";
import { errorResponse } from "@/lib/api/error-response";
import { methodsNotAllowed } from "@/lib/api/fallback-responses";
import { withApiKey } from "@/lib/api/with-api-key";
import { randomId } from "@/lib/db/ids";
import { createAegisMcpHandler } from "@/lib/mcp/create-mcp-handler";
import { assertAllowedOrigin, guardMcpBody } from "@/lib/mcp/guard-mcp-request";

export const dynamic = "force-dynamic";
export const { PUT, PATCH } = methodsNotAllowed(["GET", "POST", "DELETE"]);
// wait_for_decision holds a call for up to 50 s.
export const maxDuration = 60;

/**
 * The MCP server (Streamable HTTP). A foreign Origin is a 403 first (DNS rebinding); then the
 * REST API's wrapper: bearer API keys only (no dashboard cookie), the per-key rate limit, and
 * the API error body for a refused call.
 */
const authenticated = withApiKey(
  async ({ req, db, principal, requestId }) => createAegisMcpHandler({ db, principal, requestId, signal: req.signal })(await guardMcpBody(req)),
  { bearerOnly: true },
);

async function handle(req: NextRequest, route: { params: Promise<Record<string, never>> }): Promise<Response> {
  try {
    assertAllowedOrigin(req);
  } catch (e) {
    return errorResponse(e, randomId("req", 20));
  }
  return authenticated(req, route);
}

export { handle as GET, handle as POST, handle as DELETE };
