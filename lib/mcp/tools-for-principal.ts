import type { Principal } from "@/lib/auth/principal";

export const AGENT_TOOLS = ["submit_spend_intent", "get_intent", "wait_for_decision", "get_my_budget"] as const;
export const APPROVER_TOOLS = ["list_pending_approvals", "respond_to_approval"] as const;
export type ToolName = (typeof AGENT_TOOLS)[number] | (typeof APPROVER_TOOLS)[number];

/**
 * Which tools a caller is shown. An agent key never sees an approval tool. A person's key
 * acts with their role: approvers and admins submit on an agent's behalf and answer
 * approvals; viewers only read intents. `get_my_budget` is the agent's own view.
 */
export function toolsForPrincipal(principal: Principal): ToolName[] {
  if (principal.kind === "agent") return [...AGENT_TOOLS];
  if (principal.role === "viewer") return ["get_intent", "wait_for_decision"];
  return ["submit_spend_intent", "get_intent", "wait_for_decision", ...APPROVER_TOOLS];
}
