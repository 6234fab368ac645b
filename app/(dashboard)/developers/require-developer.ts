import { requireAdminPage } from "@/lib/auth/require-admin-page";

/**
 * The session of an admin, for every Developers page (layout and page render at once, so
 * each checks): anyone else is told the page is for admins.
 */
export async function requireDeveloper() {
  return requireAdminPage("Developers");
}
