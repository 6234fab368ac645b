import type { NextRequest } from "next/server";
import { csvLine } from "@/lib/audit/audit-csv";
import { sessionOrNull } from "@/lib/auth/require-session";
import { toMajorDecimal } from "@/lib/format/money";
import { listSettlementGaps } from "@/lib/intents/list-settlement-gaps";
import { reconciliationRange } from "@/lib/intents/reconciliation-range";

export const dynamic = "force-dynamic";

const HEADER = ["intent_id", "agent", "merchant", "state", "currency", "approved", "captured", "gap", "approved_at_utc", "settled_at_utc"];

/** Reconciliation's gaps in its date range as CSV (header row, ISO dates, major units beside the currency). */
export async function GET(req: NextRequest) {
  const session = await sessionOrNull();
  if (!session) return Response.json({ error: { code: "unauthenticated", message: "Sign in to export reconciliation" } }, { status: 401 });
  const { db, principal } = session;
  const range = reconciliationRange({ from: req.nextUrl.searchParams.get("from") ?? undefined, to: req.nextUrl.searchParams.get("to") ?? undefined });
  const gaps = await listSettlementGaps(db, principal.orgId, 1000, range);
  const body = [
    csvLine(HEADER),
    ...gaps.map((g) =>
      csvLine([
        g.intentId,
        g.agentName,
        g.merchant,
        g.kind,
        g.currency,
        toMajorDecimal(g.approved, g.currency),
        g.captured === null ? null : toMajorDecimal(g.captured, g.currency),
        toMajorDecimal(g.approved - (g.captured ?? 0), g.currency),
        g.decidedAt,
        g.settledAt,
      ]),
    ),
  ].join("");
  const day = new Date().toISOString().slice(0, 10);
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="aegis-reconciliation-${day}.csv"`,
      "Cache-Control": "no-store",
    },
  });
}
