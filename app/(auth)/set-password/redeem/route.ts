import type { NextRequest } from "next/server";
import { z } from "zod";
import { errorResponse } from "@/lib/api/error-response";
import { readJsonBody } from "@/lib/api/read-json-body";
import { randomId } from "@/lib/db/ids";
import { getDb } from "@/lib/db/client";
import { ensureServerReady } from "@/lib/server/ensure-server-ready";
import { describeUserLink } from "@/lib/users/describe-user-link";
import { redeemUserLink } from "@/lib/users/redeem-user-link";

const RedeemSchema = z.strictObject({ token: z.string().max(200), password: z.string().max(1024).optional() });

/**
 * POST /set-password/redeem — the set-password page's one call (public: the link's token is
 * the credential). `{token}` says whom the link is for; `{token, password}` uses it up.
 */
export async function POST(req: NextRequest) {
  const requestId = randomId("req", 20);
  try {
    const { token, password } = await readJsonBody(req, RedeemSchema);
    await ensureServerReady();
    const db = await getDb();
    const body = password === undefined ? await describeUserLink(db, token) : await redeemUserLink(db, token, password);
    return Response.json(body, { headers: { "X-Request-Id": requestId, "Cache-Control": "no-store" } });
  } catch (e) {
    return errorResponse(e, requestId);
  }
}
