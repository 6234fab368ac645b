import { z } from "zod";
import { resolveEffectiveRules } from "./resolve-effective-rules";
import { RISK_LEVELS, WEEKDAYS, type ApprovalSettings, type Policy, type PolicyRules, type TimeWindowRule } from "./types";

const minorUnits = (field: string) =>
  z.int({ error: `${field} must be a whole number of minor units (e.g. paise or cents), not a decimal or string` }).min(0, `${field} must not be negative`);

const nullableMinorUnits = (field: string, nullMeans: string) => minorUnits(field).nullable().describe(`${field} in minor units; null means ${nullMeans}`);

const nameList = (field: string) =>
  z.array(z.string().trim().min(1, `${field} entries must not be empty`).max(200), {
    error: `${field} must be an array of strings`,
  });

const clock = (field: string) =>
  z.string({ error: `${field} must be a time like "09:00"` }).regex(/^([01]\d|2[0-3]):[0-5]\d$/, `${field} must be a 24-hour time like "09:00"`);

/** An IANA time zone this runtime knows (e.g. Asia/Kolkata, UTC). */
const timeZone = z.string().refine((tz) => {
  try {
    new Intl.DateTimeFormat("en", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}, "time_zone must be an IANA time zone such as Asia/Kolkata or UTC");

const TimeWindowDocumentSchema = z
  .strictObject({
    days: z
      .array(z.enum(WEEKDAYS, { error: `days are ${WEEKDAYS.join(", ")}` }))
      .min(1, "time_window.days needs at least one day")
      .refine((d) => new Set(d).size === d.length, "time_window.days lists a day twice"),
    start: clock("time_window.start"),
    end: clock("time_window.end"),
    time_zone: timeZone.nullable().default(null).describe("IANA zone; null = the organisation's time zone"),
  })
  .describe("Spending allowed only on these local days from start (inclusive) to end (exclusive); end before start spans midnight");

const ruleFields = {
  auto_approve_limit: minorUnits("auto_approve_limit"),
  hard_limit: minorUnits("hard_limit"),
  daily_budget: nullableMinorUnits("daily_budget", "no daily budget"),
  monthly_budget: nullableMinorUnits("monthly_budget", "no monthly budget"),
  merchant_allowlist: nameList("merchant_allowlist"),
  merchant_blocklist: nameList("merchant_blocklist"),
  category_allowlist: nameList("category_allowlist"),
  category_blocklist: nameList("category_blocklist"),
  min_confidence: z
    .number({ error: "min_confidence must be a number between 0 and 1" })
    .min(0, "min_confidence must be between 0 and 1")
    .max(1, "min_confidence must be between 0 and 1"),
  low_confidence_action: z.enum(["require_approval", "deny"], {
    error: 'low_confidence_action must be "require_approval" or "deny"',
  }),
  max_intents_per_hour: z
    .int({ error: "max_intents_per_hour must be a whole number or null" })
    .min(1, "max_intents_per_hour must be at least 1 (use null for no limit; suspend the agent to stop all spending)")
    .nullable(),
  approval_risk_levels: z.array(z.enum(RISK_LEVELS, { error: "risk levels are low, medium, high or critical" })),
  time_window: TimeWindowDocumentSchema.nullable(),
};

/**
 * Rules for an org; every field must be given so a stored policy is never half-defined
 * (except rules added later, which default so that stored versions still parse).
 */
export const PolicyRulesDocumentSchema = z.strictObject({ ...ruleFields, time_window: ruleFields.time_window.default(null) });
/** An agent override: the same fields, each optional; present fields replace the org rule. */
export const PolicyRulesOverrideDocumentSchema = z.strictObject(ruleFields).partial();

export const SettlementSettingsDocumentSchema = z
  .strictObject({
    auto_after_hours: z
      .int({ error: "auto_after_hours must be a whole number of hours or null" })
      .min(1, "auto_after_hours must be at least 1")
      .max(8760, "auto_after_hours must be at most 8760 (one year)")
      .nullable()
      .describe("Approved intents neither captured nor voided this many hours after approval are settled automatically; null = never"),
    auto_action: z
      .enum(["capture", "void"], { error: 'auto_action must be "capture" or "void"' })
      .describe("capture = the approved amount was paid; void = nothing was"),
  })
  .default({ auto_after_hours: null, auto_action: "capture" });

export const ApprovalSettingsDocumentSchema = z.strictObject({
  admin_threshold: nullableMinorUnits("admin_threshold", "any approver may approve"),
  dual_approval_threshold: nullableMinorUnits("dual_approval_threshold", "one approver is always enough"),
  expiry_hours: z
    .int({ error: "expiry_hours must be a whole number of hours" })
    .min(1, "expiry_hours must be at least 1")
    .max(8760, "expiry_hours must be at most 8760 (one year)")
    .default(72),
});

export const PolicyDocumentSchema = z
  .strictObject({
    currency: z
      .string({ error: "currency must be a three-letter ISO 4217 code such as INR" })
      .trim()
      .toUpperCase()
      .regex(/^[A-Z]{3}$/, "currency must be a three-letter ISO 4217 code such as INR")
      .optional()
      .describe("The currency every amount of the document is in: always the organisation's; omitted, it is read as the organisation's"),
    rules: PolicyRulesDocumentSchema,
    approvals: ApprovalSettingsDocumentSchema,
    settlement: SettlementSettingsDocumentSchema,
    agent_overrides: z
      .record(z.guid(), PolicyRulesOverrideDocumentSchema, {
        error: (issue) => (issue.code === "invalid_key" ? "agent_overrides keys must be agent UUIDs" : "agent_overrides must be an object keyed by agent UUID"),
      })
      .default({}),
  })
  .superRefine((doc, ctx) => {
    const policy = fromDocument(doc);
    if (policy.rules.hardLimit < policy.rules.autoApproveLimit) {
      ctx.addIssue({
        code: "custom",
        path: ["rules", "hard_limit"],
        message: "hard_limit must be greater than or equal to auto_approve_limit",
      });
    }
    const seen = new Set<string>();
    for (const agentId of Object.keys(policy.agentOverrides)) {
      if (seen.has(agentId.toLowerCase())) {
        const message = "duplicate agent UUID (keys are case-insensitive)";
        ctx.addIssue({ code: "custom", path: ["agent_overrides", agentId], message });
      }
      seen.add(agentId.toLowerCase());
      const override = policy.agentOverrides[agentId];
      const touchesLimits = override.hardLimit !== undefined || override.autoApproveLimit !== undefined;
      const rules = resolveEffectiveRules({ ...policy, agentOverrides: { [agentId]: override } }, agentId);
      if (touchesLimits && rules.hardLimit < rules.autoApproveLimit) {
        ctx.addIssue({
          code: "custom",
          path: ["agent_overrides", agentId],
          message: "with this override, hard_limit would be below auto_approve_limit for this agent",
        });
      }
    }
  });

export type PolicyDocument = z.output<typeof PolicyDocumentSchema>;
export type PolicyDocumentInput = z.input<typeof PolicyDocumentSchema>;
export type PolicyRulesDocument = z.output<typeof PolicyRulesDocumentSchema>;
export type PolicyRulesOverrideDocument = z.output<typeof PolicyRulesOverrideDocumentSchema>;

const RULE_KEYS = {
  auto_approve_limit: "autoApproveLimit",
  hard_limit: "hardLimit",
  daily_budget: "dailyBudget",
  monthly_budget: "monthlyBudget",
  merchant_allowlist: "merchantAllowlist",
  merchant_blocklist: "merchantBlocklist",
  category_allowlist: "categoryAllowlist",
  category_blocklist: "categoryBlocklist",
  min_confidence: "minConfidence",
  low_confidence_action: "lowConfidenceAction",
  max_intents_per_hour: "maxIntentsPerHour",
  approval_risk_levels: "approvalRiskLevels",
  time_window: "timeWindow",
} as const satisfies Record<keyof PolicyRulesDocument, keyof PolicyRules>;

type DocKey = keyof typeof RULE_KEYS;
const DOC_KEYS = Object.keys(RULE_KEYS) as DocKey[];

type WindowDoc = { days: TimeWindowRule["days"]; start: string; end: string; time_zone: string | null };
const windowFromDoc = (w: WindowDoc | null): TimeWindowRule | null => w && { days: [...w.days], start: w.start, end: w.end, timeZone: w.time_zone };
const windowToDoc = (w: TimeWindowRule | null): WindowDoc | null => w && { days: [...w.days], start: w.start, end: w.end, time_zone: w.timeZone };

function rulesFromDocument(doc: PolicyRulesOverrideDocument): Partial<PolicyRules> {
  const out: Record<string, unknown> = {};
  for (const key of DOC_KEYS) if (doc[key] !== undefined) out[RULE_KEYS[key]] = doc[key];
  if (doc.time_window !== undefined) out.timeWindow = windowFromDoc(doc.time_window);
  return out as Partial<PolicyRules>;
}

function rulesToDocument(rules: Partial<PolicyRules>): PolicyRulesOverrideDocument {
  const out: Record<string, unknown> = {};
  for (const key of DOC_KEYS) if (rules[RULE_KEYS[key]] !== undefined) out[key] = rules[RULE_KEYS[key]];
  if (rules.timeWindow !== undefined) out.time_window = windowToDoc(rules.timeWindow);
  return out as PolicyRulesOverrideDocument;
}

function fromDocument(doc: PolicyDocument): Policy {
  const approvals: ApprovalSettings = {
    adminThreshold: doc.approvals.admin_threshold,
    dualApprovalThreshold: doc.approvals.dual_approval_threshold,
    expiryHours: doc.approvals.expiry_hours,
  };
  const agentOverrides: Record<string, Partial<PolicyRules>> = {};
  for (const [agentId, override] of Object.entries(doc.agent_overrides)) {
    agentOverrides[agentId] = overrideFromDocument(override);
  }
  const settlement = { autoAfterHours: doc.settlement.auto_after_hours, autoAction: doc.settlement.auto_action };
  return { rules: rulesFromDocument(doc.rules) as PolicyRules, approvals, settlement, agentOverrides };
}

/**
 * Parses the JSON form (API/CLI) into a Policy. Throws the ZodError when invalid. The
 * document's `currency` is not part of the Policy (it is the organisation's, checked by parseOrgPolicy).
 */
export function parsePolicyDocument(json: unknown): Policy {
  return fromDocument(PolicyDocumentSchema.parse(json));
}

/** Parses one agent override document (all fields optional). Throws the ZodError when invalid. */
export function parseRulesOverride(json: unknown): Partial<PolicyRules> {
  return overrideFromDocument(PolicyRulesOverrideDocumentSchema.parse(json));
}

// An override's time window narrows the organisation's hours; "none" would lift them, which
// an override may not do, so a null window (accepted from versions saved when it could) is dropped.
function overrideFromDocument(doc: PolicyRulesOverrideDocument): Partial<PolicyRules> {
  const rules = rulesFromDocument(doc);
  if (rules.timeWindow === null) delete rules.timeWindow;
  return rules;
}

/**
 * The JSON form of a Policy; parsePolicyDocument(toPolicyDocument(p)) deep-equals p. With a
 * `currency` (the organisation's) the document states it first, so every amount is read in it.
 */
export function toPolicyDocument(policy: Policy, currency?: string): PolicyDocument {
  const agent_overrides: PolicyDocument["agent_overrides"] = {};
  for (const [agentId, override] of Object.entries(policy.agentOverrides)) {
    agent_overrides[agentId] = rulesToDocument(override);
  }
  return {
    ...(currency === undefined ? {} : { currency }),
    rules: rulesToDocument(policy.rules) as PolicyRulesDocument,
    approvals: {
      admin_threshold: policy.approvals.adminThreshold,
      dual_approval_threshold: policy.approvals.dualApprovalThreshold,
      expiry_hours: policy.approvals.expiryHours,
    },
    settlement: { auto_after_hours: policy.settlement.autoAfterHours, auto_action: policy.settlement.autoAction },
    agent_overrides,
  };
}
