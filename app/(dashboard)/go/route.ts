import { redirect } from "next/navigation";
import type { NextRequest } from "next/server";
import { sessionOrNull } from "@/lib/auth/require-session";
import { findIntentByReference } from "@/lib/intents/find-intent-by-reference";

export const dynamic = "force-dynamic";

/**
 * The search box's target: an intent id (int_…) or approval id (apr_…) of the caller's
 * organisation opens that intent; anything else lands on the intents list saying so.
 */
export async function GET(req: NextRequest) {
  const session = await sessionOrNull();
  if (!session) redirect("/sign-in");
  const q = (req.nextUrl.searchParams.get("q") ?? "").trim().slice(0, 100);
  const { db, principal } = session;
  if (q) {
    const intent = await findIntentByReference(db, principal, q);
    if (intent) redirect(`/intents/${intent.id}`);
  }
  redirect(`/intents?missing=${encodeURIComponent(q)}`);
}
