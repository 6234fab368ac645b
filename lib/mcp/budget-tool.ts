import type { McpServer } from "@modelcontextprotocol/server";
import { z } from "zod";
import { getAgent } from "@/lib/agents/get-agent";
import { AppError } from "@/lib/errors/app-error";
import type { ToolContext } from "./tool-context";
import { advertised, runTool } from "./tool-io";

const NoArgs = z.object({}).strict();

/** The agent's own wallet and budget windows: what it may still spend before a rule says no. */
export function registerGetMyBudget(server: McpServer, ctx: ToolContext) {
  server.registerTool(
    "get_my_budget",
    {
      title: "Get my budget",
      description: "Your wallet (balance, held, available) and spend today and this month against your budgets, in minor units, with when each window resets.",
      inputSchema: advertised(NoArgs),
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    (args) =>
      runTool(ctx.requestId, async () => {
        NoArgs.parse(args ?? {});
        const agent = await getAgent(ctx.db, ctx.principal, ownAgentId(ctx));
        return {
          agent_id: agent.id,
          agent_name: agent.name,
          status: agent.status,
          risk_level: agent.risk_level,
          wallet: agent.wallet,
          wallets: agent.wallets,
          spend: agent.spend,
        };
      }),
  );
}

function ownAgentId(ctx: ToolContext): string {
  if (ctx.principal.kind !== "agent") throw new AppError("forbidden", "Only an agent key has a budget of its own");
  return ctx.principal.agentId;
}
