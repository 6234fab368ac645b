import { z } from "zod";
import { idSchema as id } from "@/lib/db/id-schema";
import { RISK_LEVELS } from "@/lib/policies/engine";
import { CurrencySchema } from "@/lib/wallets/wallet-schemas";

export const WalletSchema = z.object({
  currency: z.string(),
  balance: z.number(),
  held: z.number(),
  available: z.number(),
  low_balance_threshold: z.number().nullable().describe("wallet.low_balance is sent when available falls below it; null: off"),
});
const SpendWindowSchema = z.object({
  spent: z.number(),
  limit: z.number().nullable(),
  remaining: z.number().nullable(),
  resets_at: z.string(),
  time_zone: z.string(),
});

export const AgentSchema = z.object({
  id: z.string(),
  object: z.literal("agent"),
  name: z.string(),
  description: z.string(),
  status: z.enum(["active", "suspended"]),
  owner: z.string(),
  risk_level: z.enum(["low", "medium", "high", "critical"]),
  risk_computed: z.enum(["low", "medium", "high", "critical"]),
  risk_override: z.enum(["low", "medium", "high", "critical"]).nullable(),
  risk_factors: z.array(z.object({ factor: z.string(), value: z.number(), points: z.number(), detail: z.string() })),
  wallet: WalletSchema.nullable().describe("The agent's wallet in its primary currency"),
  wallets: z.array(WalletSchema),
  spend: z.object({ currency: z.string().nullable(), day: SpendWindowSchema, month: SpendWindowSchema }),
  frozen: z
    .object({ frozen_at: z.string(), frozen_by: z.string().nullable(), reason: z.string().nullable() })
    .nullable()
    .describe("Set while an admin froze this agent's spending (the organisation-wide freeze is at /organization/freeze)"),
  counts: z.object({ approved: z.number(), denied: z.number(), pending_approval: z.number(), pending: z.number(), expired: z.number() }),
  created_at: z.string(),
});
export type AgentDto = z.infer<typeof AgentSchema>;

export const AgentListSchema = z.object({ object: z.literal("list"), data: z.array(AgentSchema), has_more: z.boolean(), next_cursor: z.string().nullable() });

export const ListAgentsQuerySchema = z.object({ limit: z.coerce.number().int().min(1).max(100).default(20), cursor: z.string().min(1).optional() }).strict();

// Inputs of the admin verbs (CLI and dashboard).
/** An agent id where one is typed or sent by the dashboard (agent ids are uuids; the column is one). */
export const AgentIdSchema = z.uuid({ error: "must be an agent id" });
export const CreateAgentSchema = z.strictObject({
  orgId: id("orgId"),
  name: z.string().trim().min(1, "name is required").max(200),
  owner: z.string().trim().max(200).optional(),
  description: z.string().trim().max(2000).optional(),
  /** The wallet's currency; without one, the organisation's. */
  currency: CurrencySchema.optional(),
  initialBalance: z.number().int("initialBalance must be whole minor units").min(0).refine(Number.isSafeInteger).default(0),
});
export const SetAgentStatusSchema = z.strictObject({
  orgId: id("orgId"),
  agentId: id("agentId"),
  status: z.enum(["active", "suspended"], { error: "status must be active or suspended" }),
  /** With a suspension: also reject every approval of the agent still waiting for a person. */
  rejectPending: z.boolean().optional(),
});
export const SetRiskOverrideSchema = z.strictObject({
  orgId: id("orgId"),
  agentId: id("agentId"),
  level: z.enum(RISK_LEVELS, { error: "level must be low, medium, high, critical or null" }).nullable(),
  /** Why the admin pins the level (the dashboard asks for it; the CLI may omit it). */
  reason: z.string().trim().max(500).optional(),
});
/** An accounting code as finance teams write them ("6100-Software", "CC-ENG"); empty clears it. */
const accountingCode = z
  .string()
  .trim()
  .max(64, "at most 64 characters")
  .regex(/^[^\u0000-\u001f]*$/, "must not contain control characters")
  .transform((c) => c || null)
  .nullable();
export const SetAgentAccountingSchema = z.strictObject({
  orgId: id("orgId"),
  agentId: id("agentId"),
  gl_code: accountingCode,
  cost_center: accountingCode,
});
export type CreateAgentInput = z.input<typeof CreateAgentSchema>;
