import type { NextRequest } from "next/server";
import { getDb, type Db } from "@/lib/db/client";
import { randomId } from "@/lib/db/ids";
import { ensureServerReady } from "@/lib/server/ensure-server-ready";
import { errorResponse } from "./error-response";

/**
 * The wrapper for the few public dashboard routes before sign-in (a passkey challenge, a
 * set-password link), whose credential is in the request itself: request id, the database,
 * every error as the API error body, and never cached.
 */
export function withPublicRoute(handler: (ctx: { req: NextRequest; db: Db }) => Promise<unknown>) {
  return async (req: NextRequest): Promise<Response> => {
    const requestId = randomId("req", 20);
    try {
      await ensureServerReady();
      const body = await handler({ req, db: await getDb() });
      return Response.json(body, { headers: { "X-Request-Id": requestId, "Cache-Control": "no-store" } });
    } catch (e) {
      return errorResponse(e, requestId);
    }
  };
}
