import { z } from "zod";

export const WalletSchema = z.object({ currency: z.string(), balance: z.number(), held: z.number(), available: z.number() });
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
  counts: z.object({ approved: z.number(), denied: z.number(), pending_approval: z.number(), pending: z.number(), expired: z.number() }),
  created_at: z.string(),
});
export type AgentDto = z.infer<typeof AgentSchema>;

export const AgentListSchema = z.object({ object: z.literal("list"), data: z.array(AgentSchema), has_more: z.boolean(), next_cursor: z.string().nullable() });

export const ListAgentsQuerySchema = z
  .object({ limit: z.coerce.number().int().min(1).max(100).default(20), cursor: z.string().min(1).optional() })
  .strict();
