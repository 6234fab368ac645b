import type { NextRequest } from "next/server";
import { csvLine } from "@/lib/audit/audit-csv";
import { sessionOrNull } from "@/lib/auth/require-session";
import { parseIntentFilters, type IntentSearchParams } from "@/lib/intents/intent-filters";
import { INTENTS_CSV_HEADER, intentCsvLine } from "@/lib/intents/intents-csv";
import { listIntentsPage } from "@/lib/intents/list-intents-page";
import { getOrgCurrency } from "@/lib/organizations/get-org-currency";
import { listAgentAccounting } from "@/lib/agents/list-agent-accounting";
import { listCaptureMemos } from "@/lib/intents/list-capture-memos";
import { listIntentAnswers } from "@/lib/intents/list-intent-answers";

export const dynamic = "force-dynamic";

const PAGE = 100;

/**
 * The intents list as CSV with the page's filters, search and order (columns: lib/intents/intents-csv.ts), streamed page by page along the keyset
 * cursor, so a long history never sits in memory and every page costs the same.
 */
export async function GET(req: NextRequest) {
  const session = await sessionOrNull();
  if (!session) return Response.json({ error: { code: "unauthenticated", message: "Sign in to export intents" } }, { status: 401 });
  const { db, principal } = session;
  const sp: IntentSearchParams = {};
  for (const k of ["status", "agent", "category", "from", "to", "min", "max", "q", "sort"] as const) {
    const v = req.nextUrl.searchParams.get(k);
    if (v) sp[k] = v;
  }
  const currency = await getOrgCurrency(db, principal.orgId);
  const { filters } = parseIntentFilters(sp, currency);
  const agents = await listAgentAccounting(db, principal.orgId);
  const encoder = new TextEncoder();
  let cursor: string | undefined;
  let done = false;
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(csvLine(INTENTS_CSV_HEADER)));
    },
    async pull(controller) {
      if (done) return controller.close();
      const page = await listIntentsPage(db, principal, { ...filters, limit: PAGE, cursor }, currency);
      const ids = page.data.map((i) => i.id);
      const [answers, memos] = await Promise.all([listIntentAnswers(db, principal.orgId, ids), listCaptureMemos(db, principal.orgId, ids)]);
      const lines = page.data.map((i) => intentCsvLine(i, { agent: agents.get(i.agent_id), answers: answers.get(i.id), memo: memos.get(i.id) }));
      controller.enqueue(encoder.encode(lines.join("")));
      cursor = page.next_cursor ?? undefined;
      done = page.next_cursor === null;
    },
  });
  const day = new Date().toISOString().slice(0, 10);
  return new Response(stream, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="aegis-intents-${day}.csv"`,
      "Cache-Control": "no-store",
    },
  });
}
