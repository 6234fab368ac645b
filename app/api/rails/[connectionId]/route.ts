import type { NextRequest } from "next/server";
import { methodsNotAllowed } from "@/lib/api/fallback-responses";
import { handleRailRequest } from "@/lib/rails/handle-rail-request";
import { serveWithoutRouter } from "@/lib/server/fast-path";

export const dynamic = "force-dynamic";
export const { GET, PUT, PATCH, DELETE } = methodsNotAllowed(["POST"]);

/** A rail's bodies are small (a Stripe event is a few KiB); anything far larger is not one. */
const MAX_BODY_BYTES = 256 * 1024;

/**
 * The card rail's endpoint (its URL is the connection's webhook_url). No API key: the rail signs
 * each request, and lib/rails verifies the signature before reading anything.
 */
export async function POST(req: NextRequest, ctx: { params: Promise<{ connectionId: string }> }): Promise<Response> {
  const { connectionId } = await ctx.params;
  const raw = await req.text();
  if (Buffer.byteLength(raw) > MAX_BODY_BYTES) return new Response("Payload too large", { status: 413 });
  return handleRailRequest(connectionId, raw, req.headers);
}
// A card authorization has the rail's deadline (2 s): served without Next.js' router (lib/server/fast-path.ts).
serveWithoutRouter("POST", "/api/rails/:connectionId", POST);
