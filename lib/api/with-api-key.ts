import type { NextRequest } from "next/server";
import { authenticateApiKey } from "@/lib/api-keys/authenticate-api-key";
import type { Principal } from "@/lib/auth/principal";
import { sessionPrincipalFromRequest } from "@/lib/auth/session-principal";
import { getDb, getReadDb, type Db, type ReadDb } from "@/lib/db/client";
import { randomId } from "@/lib/db/ids";
import { AppError } from "@/lib/errors/app-error";
import { errorResponse } from "./error-response";
import { rejectUnsafeText } from "./read-json-body";
import { callerKey } from "./caller-key";
import { checkRateLimit } from "./rate-limit";
import { hasUnsafeText } from "./unsafe-text";
import { ensureServerReady } from "@/lib/server/ensure-server-ready";

/** `readDb`: for a list that only reads, a replica may answer (DATABASE_READ_URL); everything else uses `db`. */
export type ApiContext<P> = { req: NextRequest; db: Db; readDb: () => Promise<ReadDb>; principal: Principal; params: P; requestId: string };
type Handler<P> = (ctx: ApiContext<P>) => Promise<Response | { status?: number; body: unknown; headers?: Record<string, string> }>;

/**
 * The one wrapper for API route handlers: request id, authentication (bearer API key, or
 * the dashboard's session cookie), per-key rate limit, and mapping every error to the
 * API error body. Handlers stay thin and never catch.
 */
export function withApiKey<P = Record<string, never>>(handler: Handler<P>, opts: { bearerOnly?: boolean } = {}) {
  return async (req: NextRequest, route: { params: Promise<P> }): Promise<Response> => {
    const requestId = randomId("req", 20);
    try {
      await ensureServerReady();
      const db = await getDb();
      const principal = await authenticate(db, req, opts.bearerOnly ?? false);
      await checkRateLimit(callerKey(principal));
      const params = await route.params;
      // A path id with NUL or a lone surrogate names nothing, and the database would fail on it.
      if (Object.values(params ?? {}).some((v) => [v].flat().some((s) => typeof s === "string" && hasUnsafeText(s)))) {
        throw new AppError("not_found", "No such object");
      }
      const result = await handler({ req, db, readDb: getReadDb, principal, params, requestId });
      if (result instanceof Response) {
        result.headers.set("X-Request-Id", requestId);
        return result;
      }
      return Response.json(result.body, { status: result.status ?? 200, headers: { ...result.headers, "X-Request-Id": requestId } });
    } catch (e) {
      return errorResponse(e, requestId);
    }
  };
}

async function authenticate(db: Db, req: NextRequest, bearerOnly: boolean): Promise<Principal> {
  const header = req.headers.get("authorization");
  if (header) {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (!match) throw new AppError("unauthenticated", "Use Authorization: Bearer <API key>");
    return authenticateApiKey(db, match[1]);
  }
  const session = bearerOnly ? null : await sessionPrincipalFromRequest(db, req);
  if (session) return session;
  throw new AppError("unauthenticated", "Missing API key: send Authorization: Bearer <API key>");
}

/** Query string as a plain object for zod (repeated keys are joined with commas); NUL is a 400. */
export function queryObject(req: NextRequest): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of req.nextUrl.searchParams) out[k] = Object.hasOwn(out, k) ? `${out[k]},${v}` : v;
  rejectUnsafeText(out);
  return out;
}
