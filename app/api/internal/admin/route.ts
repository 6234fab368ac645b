import crypto from "node:crypto";
import { z } from "zod";
import { errorResponse } from "@/lib/api/error-response";
import { parseJsonText } from "@/lib/api/parse-json-text";
import { databaseKind } from "@/lib/db/config";
import { runAdminCommand } from "@/lib/cli/run-admin-command";
import { getDb } from "@/lib/db/client";
import { randomId } from "@/lib/db/ids";
import { AppError } from "@/lib/errors/app-error";
import { ensureServerReady } from "@/lib/server/ensure-server-ready";
import { readAdminToken } from "@/lib/server/server-info";
import { adminChannelAllows } from "@/lib/server/admin-channel";
import { methodsNotAllowed } from "@/lib/api/fallback-responses";
import { linesStream, STREAM_HEADER, StreamedResult } from "@/lib/cli/streamed-result";

export const dynamic = "force-dynamic";
export const { GET, PUT, PATCH, DELETE } = methodsNotAllowed(["POST"]);

/**
 * The CLI's way into the embedded database while this server owns it (PGlite does not
 * lock its folder, so the CLI must not open it beside us). Only from this machine (the
 * socket's address, which a client cannot forge: scripts/peer-address.cjs), and only with
 * the random token the server wrote to its private data folder at start-up. With
 * PostgreSQL the CLI talks to the database itself, so the channel is closed there unless
 * AEGIS_ADMIN_CHANNEL=1 opens it (the integration tests use it on both databases).
 * Anything refused looks like an unknown path.
 */
const BodySchema = z.strictObject({
  command: z.array(z.string().max(50)).min(1).max(4),
  args: z.record(z.string(), z.unknown()).default({}),
});

const hidden = () => new AppError("not_found", "Not found");

function tokenMatches(header: string | null, token: string): boolean {
  const presented = /^Bearer\s+(\S+)\s*$/i.exec(header ?? "")?.[1] ?? "";
  // Hashing first gives equal lengths, so timingSafeEqual never throws or leaks the length.
  const digest = (s: string) => crypto.createHash("sha256").update(s).digest();
  return crypto.timingSafeEqual(digest(presented), digest(token)) && presented.length > 0;
}

export async function POST(req: Request): Promise<Response> {
  const requestId = randomId("req", 20);
  try {
    if (!adminChannelAllows(req.headers, databaseKind())) throw hidden();
    await ensureServerReady();
    const token = readAdminToken();
    if (!token) throw hidden();
    if (!tokenMatches(req.headers.get("authorization"), token)) throw new AppError("unauthenticated", "Invalid admin token");
    const { command, args } = BodySchema.parse(parseJsonText(await req.text(), 'The body (JSON: {"command": [...], "args": {...}})'));
    const result = await runAdminCommand(await getDb(), command, args);
    if (result instanceof StreamedResult) {
      return new Response(linesStream(result.lines), {
        headers: { "Content-Type": result.contentType, [STREAM_HEADER]: "1", "X-Request-Id": requestId, "Cache-Control": "no-store" },
      });
    }
    return Response.json(result ?? null, { headers: { "X-Request-Id": requestId, "Cache-Control": "no-store" } });
  } catch (e) {
    return errorResponse(e, requestId);
  }
}
