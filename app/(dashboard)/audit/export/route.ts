import type { NextRequest } from "next/server";
import { sessionOrNull } from "@/lib/auth/require-session";
import { AUDIT_CSV_HEADER, auditCsvLine, csvLine } from "@/lib/audit/audit-csv";
import { auditJsonLine } from "@/lib/audit/audit-json-line";
import { cleanSearchParams } from "@/lib/api/search-params";
import { AUDIT_FILTER_KEYS, iterateAuditEvents, type AuditSearchParams } from "@/lib/audit/list-audit-events";

export const dynamic = "force-dynamic";

/**
 * The audit log as CSV (default) or JSON lines (`format=jsonl`, with the chain fields), with
 * the page's filters (a date range is from/to); streamed so a long log never sits in memory.
 */
export async function GET(req: NextRequest) {
  const session = await sessionOrNull();
  if (!session) return Response.json({ error: { code: "unauthenticated", message: "Sign in to export the audit log" } }, { status: 401 });
  const { readDb, principal } = session;
  // The same tolerant reading as the page; nothing the stream meets later can come from the query.
  const sp: AuditSearchParams = cleanSearchParams(Object.fromEntries(req.nextUrl.searchParams), AUDIT_FILTER_KEYS).params;
  delete sp.cursor;
  const jsonl = req.nextUrl.searchParams.get("format") === "jsonl";
  const line = jsonl ? auditJsonLine : auditCsvLine;
  const encoder = new TextEncoder();
  // A long streamed read: a replica may serve it (DATABASE_READ_URL), sparing the primary.
  const events = iterateAuditEvents(readDb, principal.orgId, sp);
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      if (!jsonl) controller.enqueue(encoder.encode(csvLine(AUDIT_CSV_HEADER)));
    },
    async pull(controller) {
      const next = await events.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(line(next.value)));
    },
    async cancel() {
      await events.return(undefined);
    },
  });
  const day = new Date().toISOString().slice(0, 10);
  return new Response(stream, {
    headers: {
      "Content-Type": jsonl ? "application/jsonl; charset=utf-8" : "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="aegis-audit-${day}.${jsonl ? "jsonl" : "csv"}"`,
      "Cache-Control": "no-store",
    },
  });
}
