import { databaseKind } from "@/lib/db/config";
import { getDb } from "@/lib/db/client";
import { ensureServerReady } from "@/lib/server/ensure-server-ready";
import { methodsNotAllowed } from "@/lib/api/fallback-responses";

export const dynamic = "force-dynamic";
export const { POST, PUT, PATCH, DELETE } = methodsNotAllowed(["GET"]);

/** Liveness plus a real round trip to the database; says which database is in use. */
export async function GET() {
  const started = Date.now();
  try {
    await ensureServerReady();
    await (
      await getDb()
    ).$queryRaw`SELECT 1`;
    return Response.json({ status: "ok", database: databaseKind(), latency_ms: Date.now() - started, version: "v1" });
  } catch {
    return Response.json({ status: "unavailable", database: databaseKind() }, { status: 503 });
  }
}
