import type { Principal } from "@/lib/auth/principal";
import { can } from "@/lib/permissions/can";

export const AGENT_TOOLS = ["submit_spend_intent", "get_intent", "wait_for_decision", "get_my_budget"] as const;
export const APPROVER_TOOLS = ["list_pending_approvals", "respond_to_approval"] as const;
export type ToolName = (typeof AGENT_TOOLS)[number] | (typeof APPROVER_TOOLS)[number];

/**
 * Which tools a caller is shown, asked of the one permission table: a tool appears only
 * when its action would be allowed, so an agent key never sees an approval tool. A person's
 * key reads and waits on intents, submits on an agent's behalf when their role may, and
 * answers approvals when it may. `get_my_budget` is an agent's view of its own wallet.
 */
export function toolsForPrincipal(principal: Principal): ToolName[] {
  const tools: ToolName[] = [];
  if (can(principal, "intent.submit")) tools.push("submit_spend_intent");
  tools.push("get_intent", "wait_for_decision");
  if (principal.kind === "agent") tools.push("get_my_budget");
  if (can(principal, "approval.answer")) tools.push(...APPROVER_TOOLS);
  return tools;
}
