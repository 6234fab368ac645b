import NextAuth from "next-auth";
import { NextRequest } from "next/server";
import { errorResponse } from "@/lib/api/error-response";
import { methodsNotAllowed } from "@/lib/api/fallback-responses";
import { parseJsonText } from "@/lib/api/parse-json-text";
import { MAX_BODY_BYTES } from "@/lib/api/read-json-body";
import { findUnsafeText, hasUnsafeText } from "@/lib/api/unsafe-text";
import { authOptions } from "@/lib/auth/auth-options";
import { randomId } from "@/lib/db/ids";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors/app-error";

const handler = NextAuth(authOptions);
type Ctx = { params: Promise<{ nextauth: string[] }> };

export const GET = guarded;
export const POST = guarded;
export const { PUT, PATCH, DELETE } = methodsNotAllowed(["GET", "POST"]);

/**
 * next-auth parses the body itself and answers malformed JSON with a 500 and no body.
 * Checked here first: the body is read once (at most 64 KiB), must be a flat object of
 * strings without NUL, and is handed on as a fresh request. Anything else is a 400 with
 * the API error body; an unexpected failure is a 500 with that body, never a stack trace.
 */
async function guarded(req: NextRequest, ctx: Ctx): Promise<Response> {
  const requestId = randomId("req", 20);
  try {
    checkCallbackUrl(req.nextUrl.searchParams.get("callbackUrl"));
    if (req.method !== "POST") return inApiShape(await handler(req, ctx), requestId);
    const text = await req.text();
    if (Buffer.byteLength(text) > MAX_BODY_BYTES) throw new AppError("payload_too_large", "The request body is too large");
    const type = req.headers.get("content-type") ?? "";
    const fields = type.includes("application/json") ? parseJsonObject(text) : Object.fromEntries(new URLSearchParams(text));
    checkCallbackUrl(fields.callbackUrl ?? null);
    const bad = findUnsafeText(fields);
    if (bad)
      throw new AppError("validation_error", `${bad}: text must not contain NUL characters or unpaired surrogates`, [
        { field: bad, issue: "contains NUL or an unpaired surrogate" },
      ]);
    return inApiShape(await handler(new NextRequest(req.url, { method: "POST", headers: req.headers, body: text }), ctx), requestId);
  } catch (e) {
    return errorResponse(e, requestId);
  }
}

/** next-auth answers a route it does not have (/api/auth/nope) with a plain-text 400: give it the API error body. */
function inApiShape(res: Response, requestId: string): Response {
  if (res.status < 400 || (res.headers.get("content-type") ?? "").includes("json")) return res;
  return errorResponse(new AppError("not_found", "No such sign-in endpoint"), requestId);
}

/** next-auth parses callbackUrl as a URL and throws on junk: only this site's paths or URLs pass. */
function checkCallbackUrl(value: string | null) {
  if (value === null) return;
  let ok = false;
  try {
    const base = new URL(env().NEXTAUTH_URL ?? "http://localhost");
    // A relative value must start with "/" (next-auth refuses anything else with a 500).
    const url = value.startsWith("/") && !value.startsWith("//") ? new URL(value, base) : new URL(value);
    ok = url.origin === base.origin && !hasUnsafeText(value);
  } catch {
    ok = false;
  }
  if (!ok) throw new AppError("validation_error", "callbackUrl must be a path on this site", [{ field: "callbackUrl", issue: "not a path on this site" }]);
}

function parseJsonObject(text: string): Record<string, string> {
  const json = parseJsonText(text);
  if (json === null || typeof json !== "object" || Array.isArray(json) || !Object.values(json).every((v) => typeof v === "string")) {
    throw new AppError("validation_error", "The body must be a JSON object of strings", [{ field: "(body)", issue: "expected an object of strings" }]);
  }
  return json as Record<string, string>;
}
