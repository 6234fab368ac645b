import type { NextRequest } from "next/server";
import { sessionOrNull } from "@/lib/auth/require-session";
import { AUDIT_CSV_HEADER, auditCsvLine, csvLine } from "@/lib/audit/audit-csv";
import { iterateAuditEvents, type AuditSearchParams } from "@/lib/audit/list-audit-events";

export const dynamic = "force-dynamic";

/** The audit log as CSV, with the page's filters; streamed so a long log never sits in memory. */
export async function GET(req: NextRequest) {
  const session = await sessionOrNull();
  if (!session) return Response.json({ error: { code: "unauthenticated", message: "Sign in to export the audit log" } }, { status: 401 });
  const { db, principal } = session;
  const sp: AuditSearchParams = {};
  for (const k of ["action", "actor", "target", "from", "to"] as const) {
    const v = req.nextUrl.searchParams.get(k);
    if (v) sp[k] = v;
  }
  const encoder = new TextEncoder();
  const events = iterateAuditEvents(db, principal.orgId, sp);
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(csvLine(AUDIT_CSV_HEADER)));
    },
    async pull(controller) {
      const next = await events.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(auditCsvLine(next.value)));
    },
    async cancel() {
      await events.return(undefined);
    },
  });
  const day = new Date().toISOString().slice(0, 10);
  return new Response(stream, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="aegis-audit-${day}.csv"`,
      "Cache-Control": "no-store",
    },
  });
}
