import type { NextRequest } from "next/server";
import { sessionOrNull } from "@/lib/auth/require-session";
import { parseInboxQuery } from "@/lib/approvals/inbox-query";
import { loadInbox } from "@/lib/approvals/load-inbox";
import { getOrgCurrency } from "@/lib/organizations/get-org-currency";
import { errorResponse } from "@/lib/api/error-response";
import { randomId } from "@/lib/db/ids";

export const dynamic = "force-dynamic";

/** The inbox's live refresh for every role (a viewer's too): the same page loadInbox renders. */
export async function GET(req: NextRequest) {
  const session = await sessionOrNull();
  if (!session) return Response.json({ error: { code: "unauthenticated", message: "Sign in to read the inbox" } }, { status: 401 });
  try {
    const currency = await getOrgCurrency(session.db, session.principal.orgId);
    const page = await loadInbox(session.db, session.principal, parseInboxQuery(Object.fromEntries(req.nextUrl.searchParams), currency));
    return Response.json(page, { headers: { "Cache-Control": "no-store" } });
  } catch (e) {
    return errorResponse(e, randomId("req", 20));
  }
}
