import type { McpServer } from "@modelcontextprotocol/server";
import { createMcpHandler } from "mcp-handler";
import { registerListPendingApprovals, registerRespondToApproval } from "./approval-tools";
import { registerGetMyBudget } from "./budget-tool";
import { registerGetIntent, registerSubmitSpendIntent, registerWaitForDecision } from "./intent-tools";
import type { ToolContext } from "./tool-context";
import { toolsForPrincipal, type ToolName } from "./tools-for-principal";

const REGISTER: Record<ToolName, (server: McpServer, ctx: ToolContext) => void> = {
  submit_spend_intent: registerSubmitSpendIntent,
  get_intent: registerGetIntent,
  wait_for_decision: registerWaitForDecision,
  get_my_budget: registerGetMyBudget,
  list_pending_approvals: registerListPendingApprovals,
  respond_to_approval: registerRespondToApproval,
};

/**
 * The MCP server for one authenticated HTTP request. mcp-handler serves statelessly (a
 * fresh server per request), so the tool list can depend on the caller: a tool the key
 * may not use is not registered at all, and calling it is "tool not found".
 */
export function createAegisMcpHandler(ctx: ToolContext): (req: Request) => Promise<Response> {
  return createMcpHandler(
    (server) => {
      for (const name of toolsForPrincipal(ctx.principal)) REGISTER[name](server, ctx);
    },
    {
      serverInfo: { name: "aegis-os-comply", version: "1.0.0" },
      instructions:
        "AegisOS Comply gates an AI agent's spending. Before paying, call submit_spend_intent; pay only when the intent is approved. " +
        "When it is pending_approval, call wait_for_decision (again while it answers pending). Amounts are integers in minor units.",
      telemetry: false,
    },
  );
}
