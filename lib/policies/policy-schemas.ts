import { z } from "zod";

/** Policy documents travel as JSON objects; the engine's document schema checks them (400 with field details). */
export const PolicyDocumentJson = z
  .record(z.string(), z.unknown())
  .describe(
    "A policy document (see the README's policy table); amounts in minor units of its `currency`, which is always the organisation's " +
      "(a document naming another is refused; one without it is read in the organisation's)",
  );

/** Every policy change says why (four eyes, issue 20): the second admin and the audit log read it. */
export const ChangeReason = z
  .string({ error: "reason is required: say why the policy changes" })
  .trim()
  .min(1, "reason is required: say why the policy changes")
  .max(500, "reason is at most 500 characters")
  .describe("Why the policy changes (required)");

export const SetPolicySchema = z
  .object({
    base_version: z.int().min(0).describe("The version this document was edited from (GET /policy answers it); a stale one is refused with 409"),
    document: PolicyDocumentJson,
    reason: ChangeReason,
  })
  .strict();

export const PolicyChangeSchema = z.object({
  path: z.string(),
  kind: z.enum(["added", "removed", "changed"]),
  before: z.unknown(),
  after: z.unknown(),
});

export const PolicySchema = z.object({
  object: z.literal("policy"),
  version: z.int().describe("0 while the default policy applies"),
  updated_at: z.string().nullable(),
  updated_by: z.string().nullable(),
  document: PolicyDocumentJson,
});

export const PolicyVersionSchema = z.object({
  version: z.int(),
  base_version: z.int().nullable(),
  created_by: z.string(),
  created_at: z.string(),
  reason: z.string().nullable().describe("Why it changed (null for versions saved before reasons were required)"),
  changes: z.array(PolicyChangeSchema).nullable().describe("What changed from the previous version; null when that one is beyond the list"),
  document: PolicyDocumentJson.optional(),
});

export const PolicyVersionListSchema = z.object({ object: z.literal("list"), data: z.array(PolicyVersionSchema) });

export const BacktestPolicySchema = z
  .object({
    document: PolicyDocumentJson,
    days: z
      .union([z.literal(7), z.literal(30), z.literal(90)])
      .default(30)
      .describe("How far back to replay: 7, 30 or 90 days"),
  })
  .strict();

const Outcome = z.enum(["approve", "require_approval", "deny"]);
const OutcomeCounts = z.object({ approve: z.int(), require_approval: z.int(), deny: z.int() });
const Amounts = z.record(z.string(), z.int()).describe("Minor units per currency");

export const PolicyBacktestSchema = z.object({
  object: z.literal("policy_backtest"),
  days: z.int(),
  from: z.string(),
  to: z.string(),
  current_version: z.int(),
  evaluated: z.int().describe("Intents of the window replayed under both policies"),
  outcomes: z.object({ current: OutcomeCounts, draft: OutcomeCounts }),
  flips: z.object({ total: z.int(), by_outcome: z.array(z.object({ from: Outcome, to: Outcome, count: z.int(), amounts: Amounts })) }),
  money: z.array(z.object({ currency: z.string(), approved_current: z.int(), approved_draft: z.int(), denied_current: z.int(), denied_draft: z.int() })),
  inbox: z.object({ current: z.int(), draft: z.int(), change: z.int(), per_day_current: z.number(), per_day_draft: z.number() }),
  agents: z.array(z.object({ agent_id: z.string(), agent_name: z.string(), flips: z.int(), amounts: Amounts })),
  flipped: z.array(
    z.object({
      intent_id: z.string(),
      agent_id: z.string(),
      agent_name: z.string(),
      amount: z.int(),
      currency: z.string(),
      created_at: z.string(),
      from: Outcome,
      to: Outcome,
      rule: z.string(),
      reason: z.string(),
    }),
  ),
  fidelity: z.object({ recorded: z.int(), matching: z.int() }).describe("How often the current policy's replay matches what was really decided"),
  timing_ms: z.object({ load: z.int(), total: z.int() }),
  approximations: z.array(z.string()),
});

export const StartShadowPolicySchema = z.object({ document: PolicyDocumentJson }).strict();

export const PolicyShadowSchema = z.object({
  object: z.literal("policy_shadow"),
  id: z.string(),
  running: z.boolean(),
  based_on_version: z.int(),
  created_by: z.string(),
  started_at: z.string(),
  stopped_at: z.string().nullable(),
  document: PolicyDocumentJson,
  decisions: z.int(),
  disagreements_total: z.int(),
  by_outcome: z.array(z.object({ live: Outcome, shadow: Outcome, count: z.int() })),
  disagreements: z.array(
    z.object({
      intent_id: z.string(),
      agent_id: z.string(),
      agent_name: z.string(),
      amount: z.int(),
      currency: z.string(),
      decided_at: z.string(),
      live: z.object({ outcome: Outcome, rule: z.string() }),
      shadow: z.object({ outcome: Outcome, rule: z.string(), reason: z.string() }),
    }),
  ),
});
