import type { McpServer } from "@modelcontextprotocol/server";
import { z } from "zod";
import { callerKey } from "@/lib/api/caller-key";
import { acquireWaitSlot } from "@/lib/api/long-poll-slots";
import { getIntent } from "@/lib/intents/get-intent";
import { waitForIntent } from "@/lib/intents/wait-for-intent";
import { SubmitIntentSchema, TERMINAL_STATUSES } from "@/lib/intents/intent-schemas";
import { submitIntent } from "@/lib/intents/submit-intent";
import type { ToolContext } from "./tool-context";
import { advertised, runTool } from "./tool-io";

/** Below the usual 60 s tool-call timeout of MCP clients, so a wait ends with an answer, not a client error. */
export const MAX_WAIT_SECONDS = 50;

const SubmitToolSchema = SubmitIntentSchema.extend({
  idempotency_key: z
    .string()
    .trim()
    .min(1)
    .max(255)
    .optional()
    .describe("Send the same value when you retry after an error or timeout: a retry then never creates a second intent."),
});
const IntentIdSchema = z.object({ intent_id: z.string().min(1).max(100).describe("The int_… id returned by submit_spend_intent") }).strict();
const WaitSchema = IntentIdSchema.extend({
  timeout_seconds: z.number().min(0).max(MAX_WAIT_SECONDS).default(MAX_WAIT_SECONDS).describe(`Longest wait, at most ${MAX_WAIT_SECONDS} seconds`),
});

export function registerSubmitSpendIntent(server: McpServer, ctx: ToolContext) {
  server.registerTool(
    "submit_spend_intent",
    {
      title: "Submit a spend intent",
      description:
        "Ask permission before spending money. Amount is an integer in the currency's minor unit (paise, cents). " +
        "The answer is the intent with its status: approved (go ahead), denied (do not pay; policy_decision says why), " +
        "pending_approval (a person decides: call wait_for_decision) or pending.",
      inputSchema: advertised(SubmitToolSchema),
      annotations: { destructiveHint: false, idempotentHint: false, openWorldHint: false },
    },
    (args) =>
      runTool(ctx.requestId, async () => {
        const { idempotency_key: key = null, ...input } = SubmitToolSchema.parse(args);
        return (await submitIntent(ctx.db, ctx.principal, input, key, "mcp")).intent;
      }),
  );
}

export function registerGetIntent(server: McpServer, ctx: ToolContext) {
  server.registerTool(
    "get_intent",
    {
      title: "Get a spend intent",
      description: "The current state of one spend intent: status, policy decision and approval.",
      inputSchema: advertised(IntentIdSchema),
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    (args) => runTool(ctx.requestId, async () => getIntent(ctx.db, ctx.principal, IntentIdSchema.parse(args).intent_id)),
  );
}

export function registerWaitForDecision(server: McpServer, ctx: ToolContext) {
  server.registerTool(
    "wait_for_decision",
    {
      title: "Wait for a decision",
      description:
        `Waits up to ${MAX_WAIT_SECONDS} seconds for a spend intent to be decided. Answers {status, intent_id, intent}: ` +
        "status approved, denied or expired is final; status pending means no decision yet, so call wait_for_decision again with the same intent_id.",
      inputSchema: advertised(WaitSchema),
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    (args) =>
      runTool(ctx.requestId, async () => {
        const { intent_id, timeout_seconds } = WaitSchema.parse(args);
        // The same slots as GET /intents/{id}?wait=: a key cannot park more waits through MCP.
        const release = await acquireWaitSlot(callerKey(ctx.principal), timeout_seconds * 1000);
        let intent: Awaited<ReturnType<typeof waitForIntent>>;
        try {
          intent = await waitForIntent(ctx.db, ctx.principal, intent_id, timeout_seconds, ctx.signal);
        } finally {
          release();
        }
        const final = (TERMINAL_STATUSES as readonly string[]).includes(intent.status);
        if (final) return { status: intent.status, intent_id, intent };
        return { status: "pending", intent_id, intent, next: `No decision yet: call wait_for_decision again with intent_id ${intent_id}` };
      }),
  );
}
