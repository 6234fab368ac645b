import { redirect } from "next/navigation";
import { can } from "@/lib/permissions/can";
import { requireSession } from "./require-session";

/**
 * The session of an admin, for admin-only dashboard pages. Anyone else of the organisation is
 * told the page is for admins (at /admins-only, naming the page), rather than "not found":
 * the page exists, they just may not use it.
 */
export async function requireAdminPage(page: string) {
  const ctx = await requireSession();
  if (!can(ctx.principal, "organization.update", { orgId: ctx.principal.orgId })) redirect(`/admins-only?page=${encodeURIComponent(page)}`);
  return ctx;
}
