import { sessionOrNull } from "@/lib/auth/require-session";
import { countInbox } from "@/lib/approvals/load-inbox";

export const dynamic = "force-dynamic";

/** Open approvals for the navigation badge and the tab title (capped counts). */
export async function GET() {
  const session = await sessionOrNull();
  if (!session) return Response.json({ error: { code: "unauthenticated", message: "Sign in to read the inbox" } }, { status: 401 });
  return Response.json(await countInbox(session.db, session.principal), { headers: { "Cache-Control": "no-store" } });
}
