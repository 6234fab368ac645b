import { methodsNotAllowed } from "@/lib/api/fallback-responses";
import { queryObject, withApiKey } from "@/lib/api/with-api-key";
import { AuditExportQuerySchema } from "@/lib/audit/audit-schemas";
import { exportAuditEvidence } from "@/lib/audit/export-audit-evidence";
import { linesStream } from "@/lib/cli/streamed-result";
import { assertCan } from "@/lib/permissions/can";

export const dynamic = "force-dynamic";
export const { POST, PUT, PATCH, DELETE } = methodsNotAllowed(["GET"]);

const DAY_MS = 86_400_000;

/** The evidence file (JSON lines, streamed): header, public keys, signed checkpoints, events. `aegis-audit-verify` checks it offline. */
export const GET = withApiKey(async ({ req, db, principal }) => {
  assertCan(principal, "audit.read", { orgId: principal.orgId });
  const q = AuditExportQuerySchema.parse(queryObject(req));
  const range = { from: q.from ? new Date(q.from) : undefined, to: q.to ? new Date(Date.parse(q.to) + DAY_MS) : undefined };
  const lines = exportAuditEvidence(db, principal, principal.orgId, range);
  // The first line is read before answering, so a failure there is an error answer rather than a broken download.
  const first = await lines.next();
  async function* all() {
    if (!first.done) yield first.value;
    yield* lines;
  }
  const day = new Date().toISOString().slice(0, 10);
  return new Response(linesStream(all()), {
    headers: {
      "Content-Type": "application/x-ndjson; charset=utf-8",
      "Content-Disposition": `attachment; filename="aegis-audit-evidence-${day}.jsonl"`,
      "Cache-Control": "no-store",
    },
  });
});
