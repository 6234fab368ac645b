import { randomId } from "@/lib/db/ids";
import { errorResponse } from "@/lib/api/error-response";
import { getDb } from "@/lib/db/client";
import { ensureServerReady } from "@/lib/server/ensure-server-ready";
import { beginPasskeyAuthentication } from "@/lib/second-factors/begin-passkey-authentication";

/** POST /sign-in/passkey — a challenge for signing in with a passkey (public; the browser then answers it through next-auth's "passkey" provider). */
export async function POST() {
  const requestId = randomId("req", 20);
  try {
    await ensureServerReady();
    const options = await beginPasskeyAuthentication(await getDb(), { purpose: "sign_in" });
    return Response.json(options, { headers: { "X-Request-Id": requestId, "Cache-Control": "no-store" } });
  } catch (e) {
    return errorResponse(e, requestId);
  }
}
