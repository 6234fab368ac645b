import type { McpServer } from "@modelcontextprotocol/server";
import { z } from "zod";
import { ListApprovalsQuerySchema, RespondToApprovalSchema } from "@/lib/approvals/approval-schemas";
import { listApprovals } from "@/lib/approvals/list-approvals";
import { respondToApproval } from "@/lib/approvals/respond-to-approval";
import type { ToolContext } from "./tool-context";
import { advertised, runTool } from "./tool-io";

const ListSchema = ListApprovalsQuerySchema.extend({ limit: z.number().int().min(1).max(100).default(20) });
const RespondSchema = RespondToApprovalSchema.extend({
  id: z.string().min(1).max(100).describe("The approval id (apr_…) or the intent id (int_…)"),
});

export function registerListPendingApprovals(server: McpServer, ctx: ToolContext) {
  server.registerTool(
    "list_pending_approvals",
    {
      title: "List pending approvals",
      description: "Spend intents waiting for your answer (not your own submissions, not above your role), oldest first, with the intent and agent.",
      inputSchema: advertised(ListSchema),
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    (args) => runTool(ctx.requestId, async () => listApprovals(ctx.db, ctx.principal, ListSchema.parse(args ?? {}))),
  );
}

export function registerRespondToApproval(server: McpServer, ctx: ToolContext) {
  server.registerTool(
    "respond_to_approval",
    {
      title: "Approve or reject a spend intent",
      description: "Answer a pending approval with approve or reject (and an optional comment). Exactly one answer wins; a late one gets a conflict error.",
      inputSchema: advertised(RespondSchema),
      annotations: { destructiveHint: true, idempotentHint: false, openWorldHint: false },
    },
    (args) =>
      runTool(ctx.requestId, async () => {
        const { id, ...input } = RespondSchema.parse(args);
        return respondToApproval(ctx.db, ctx.principal, id, input);
      }),
  );
}
