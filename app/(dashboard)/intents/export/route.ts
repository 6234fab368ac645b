import type { NextRequest } from "next/server";
import { csvLine } from "@/lib/audit/audit-csv";
import { sessionOrNull } from "@/lib/auth/require-session";
import { parseIntentFilters, type IntentSearchParams } from "@/lib/intents/intent-filters";
import { INTENTS_CSV_HEADER, intentCsvLine } from "@/lib/intents/intents-csv";
import { listIntentsPage } from "@/lib/intents/list-intents-page";
import { getOrgCurrency } from "@/lib/organizations/get-org-currency";
import { listAgentNames } from "@/lib/agents/list-agent-names";

export const dynamic = "force-dynamic";

const PAGE = 100;

/**
 * The intents list as CSV with the page's filters, streamed page by page along the keyset
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
  const agents = new Map((await listAgentNames(db, principal)).map((a) => [a.id, a.name]));
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
      controller.enqueue(encoder.encode(page.data.map((i) => intentCsvLine(i, agents.get(i.agent_id) ?? "")).join("")));
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
