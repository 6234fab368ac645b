import { getToken } from "next-auth/jwt";
import { NextResponse, type NextRequest } from "next/server";
import { clientAddress } from "@/lib/api/client-address";
import { checkRateLimit } from "@/lib/api/rate-limit";
import { isSelfContainedReply } from "@/lib/actions/plain-action-reply";
import { jsonStructureProblem } from "@/lib/api/parse-json-text";
import { hasUnsafeText } from "@/lib/api/unsafe-text";
import { API_CSP, KNOWN_METHODS, pageCsp, requestIsHttps, securityHeaders } from "@/lib/api/security-headers";
import { gatePage } from "@/lib/auth/session-gate";
import { sessionClaims, sessionState, type SessionClaims } from "@/lib/auth/session-principal";
import { getDb } from "@/lib/db/client";
import { randomId } from "@/lib/db/ids";
import { env } from "@/lib/env";
import { ensureServerReady } from "@/lib/server/ensure-server-ready";

/**
 * Runs before every request except static files: unknown methods are a 405, every
 * response gets the security headers (a fresh CSP nonce per page), dashboard routes
 * (pages, server actions, the CSV export, sign-in) are rate-limited per person or per
 * address, dashboard pages need a session whose version is still current (a session with a
 * step to take, lib/auth/session-gate.ts, opens only that step's page), and a server action
 * needs such a session before its body is read at all.
 */
const PUBLIC_PAGES = /^\/(sign-in|set-password|favicon\.ico|robots\.txt)(\/|$)/;

export default async function proxy(req: NextRequest) {
  const path = req.nextUrl.pathname;
  const isApi = path.startsWith("/api/");
  const https = requestIsHttps(req.nextUrl, req.headers.get("x-forwarded-proto"));
  const finish = (res: NextResponse, csp: string) => {
    for (const [k, v] of Object.entries(securityHeaders(https))) res.headers.set(k, v);
    res.headers.set("Content-Security-Policy", csp);
    return res;
  };

  if (!KNOWN_METHODS.has(req.method)) {
    const requestId = randomId("req", 20);
    const body = { error: { code: "method_not_allowed", message: `${req.method} is not supported`, status: 405, request_id: requestId, details: [] } };
    return finish(NextResponse.json(body, { status: 405, headers: { Allow: [...KNOWN_METHODS].join(", "), "X-Request-Id": requestId } }), API_CSP);
  }
  // The API authenticates and rate-limits itself (keys or session); only next-auth's routes are the dashboard's.
  if (isApi && !path.startsWith("/api/auth/")) return finish(NextResponse.next(), API_CSP);

  const token = await getToken({ req, secret: env().NEXTAUTH_SECRET });
  const claims = sessionClaims(token);
  try {
    await checkRateLimit(claims ? `dash:user:${claims.userId}` : `dash:addr:${clientAddress(req.headers)}`, dashboardLimit());
  } catch (e) {
    const retryAfter = (e as { headers?: Record<string, string> }).headers?.["Retry-After"] ?? "60";
    return finish(
      new NextResponse(`Too many requests. Try again in ${retryAfter} seconds.\n`, {
        status: 429,
        headers: { "Retry-After": retryAfter, "Content-Type": "text/plain; charset=utf-8" },
      }),
      API_CSP,
    );
  }

  // Server actions are dashboard calls: the session is checked before a byte of their body is read.
  const isAction = req.method === "POST" && req.headers.has("next-action");
  if (isAction || (!isApi && !PUBLIC_PAGES.test(path))) {
    const state = claims ? await currentSession(claims) : null;
    const step = state ? gatePage(state.gate) : null;
    if (isAction && (!state || (step && path !== step))) {
      return finish(errorJson(401, "unauthenticated", step ? "Finish signing in first" : "Sign in first"), API_CSP);
    }
    if (!state) {
      const signIn = new URL("/sign-in", req.url);
      signIn.searchParams.set("callbackUrl", `${path}${req.nextUrl.search}`);
      return finish(NextResponse.redirect(signIn), API_CSP);
    }
    // A session with a step to take (new password, second factor) opens that page only.
    if (step && path !== step) return finish(NextResponse.redirect(new URL(step, req.url)), API_CSP);
  }
  if (isAction && !(await readableActionBody(req))) {
    return finish(errorJson(400, "validation_error", "The server action's arguments are not readable"), API_CSP);
  }

  if (isApi) return finish(NextResponse.next(), API_CSP);
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const csp = pageCsp(nonce);
  // Next.js reads the nonce from the request's policy and puts it on the scripts it renders.
  const headers = new Headers(req.headers);
  headers.set("x-nonce", nonce);
  headers.set("Content-Security-Policy", csp);
  return finish(NextResponse.next({ request: { headers } }), csp);
}

/**
 * A server action's arguments arrive as JSON text (or a multipart form, left to Next.js).
 * Next.js answers a body it cannot decode, or one referring to parts it does not have
 * (lib/actions/plain-action-reply.ts), with a bare 500; refuse it here instead, along with
 * text the database could not store.
 */
async function readableActionBody(req: NextRequest): Promise<boolean> {
  if (!(req.headers.get("content-type") ?? "").startsWith("text/plain")) return true;
  try {
    const text = await req.clone().text();
    // Nesting past the limit would overflow React's decoder (and the check below) with a 500.
    if (jsonStructureProblem(text)) return false;
    return isSelfContainedReply(JSON.parse(text)) && !hasUnsafeText(text.replace(/\\u0000/g, "\u0000"));
  } catch {
    return false;
  }
}

/** AEGIS_DASHBOARD_RATE_LIMIT_PER_MINUTE (default 600; 0 disables): requests per person, or per address before sign-in. */
function dashboardLimit(): number {
  return env().AEGIS_DASHBOARD_RATE_LIMIT_PER_MINUTE;
}

async function currentSession(claims: SessionClaims) {
  await ensureServerReady();
  return sessionState(await getDb(), claims);
}

function errorJson(status: number, code: string, message: string) {
  const requestId = randomId("req", 20);
  return NextResponse.json({ error: { code, message, status, request_id: requestId, details: [] } }, { status, headers: { "X-Request-Id": requestId } });
}

export const config = {
  matcher: ["/((?!_next/).*)"],
};
