import { notFound } from "next/navigation";
import { requireSession } from "@/lib/auth/require-session";
import { can } from "@/lib/permissions/can";

/**
 * The session of an admin, for every Developers page (layout and page render at once, so
 * each checks): anyone else gets the dashboard's 404, as for another organisation's object.
 */
export async function requireDeveloper() {
  const ctx = await requireSession();
  if (!can(ctx.principal, "webhook.list", { orgId: ctx.principal.orgId })) notFound();
  return ctx;
}
