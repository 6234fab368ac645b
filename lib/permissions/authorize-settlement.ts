import type { Principal } from "@/lib/auth/principal";
import { AppError } from "@/lib/errors/app-error";

/**
 * Who may capture or void an intent: its agent's key (scoping elsewhere hides every other
 * agent's intents), and people who act (approvers, admins). Viewers read; they never move money.
 */
export function assertMaySettle(principal: Principal): void {
  if (principal.kind === "user" && principal.role === "viewer") throw new AppError("forbidden", "Viewers cannot capture or void intents");
}
