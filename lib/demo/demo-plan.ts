import { DEMO_AGENTS, type DemoAgentSpec, type DemoUserKey } from "./demo-catalog";
import { createRng, type Rng } from "./prng";

/**
 * The demo's history as a plan, relative to `now` (pure and deterministic): what each
 * agent asked for and when, and what people will do if the policy asks them. The
 * outcome itself is left to the real policy engine when the plan is played.
 */
export type AgentKey = DemoAgentSpec["key"];
export type Fate =
  | { kind: "answer"; decision: "approve" | "reject"; by: DemoUserKey; afterMs: number; comment: string }
  | { kind: "expire" }
  | { kind: "leave" } // stays in the inbox
  | { kind: "answer_now"; decision: "approve" | "reject"; by: DemoUserKey; comment: string }; // answered at seed time

export type PlannedIntent = {
  agent: AgentKey;
  at: Date;
  amount: number; // paise
  merchant: string;
  category: string;
  reason: string;
  confidence: number;
  metadata: Record<string, string>;
  fate: Fate;
};
export type PlannedEvent = { kind: "suspend" | "risk_high"; agent: AgentKey; at: Date };
export type DemoPlan = { intents: PlannedIntent[]; events: PlannedEvent[] };

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const COST_CENTERS: Record<AgentKey, string> = {
  procurement: "CC-110 Finance Ops",
  cloud: "CC-240 Platform",
  research: "CC-310 Data Science",
  growth: "CC-420 Growth",
  travel: "CC-150 People Ops",
};
/** The newest regular intent per agent: the inbox items below are the only later ones. */
const REGULAR_END_HOURS: Record<AgentKey, number> = { procurement: 34, cloud: 50, research: 50, growth: 50, travel: 60 };
const APPROVE_COMMENTS = [
  "Matches the renewal on file.",
  "Budgeted in the Q4 plan.",
  "OK, usage checked against last month.",
  "Approved; please attach the invoice.",
];
const REJECT_COMMENTS = [
  "Not in this quarter's plan.",
  "Duplicate of an earlier request.",
  "Please consolidate with the annual contract.",
  "Confidence too low; resubmit with the invoice.",
];

export function buildDemoPlan(now: Date, seed = 20_261_128): DemoPlan {
  const rng = createRng(seed);
  const intents: PlannedIntent[] = [];
  let invoice = 1200;
  const meta = (agent: AgentKey, extra: Record<string, string> = {}) => ({
    invoice_id: `INV-2026-${String(invoice++).padStart(4, "0")}`,
    cost_center: COST_CENTERS[agent],
    ...extra,
  });

  for (const spec of DEMO_AGENTS) {
    const end = now.getTime() - REGULAR_END_HOURS[spec.key] * HOUR;
    const start = now.getTime() - 29.5 * DAY;
    const lowEvery = spec.lowConfidenceShare > 0 ? Math.round(1 / spec.lowConfidenceShare) : 0;
    for (let i = 0; i < spec.count; i++) {
      const [merchant, category, min, max, reasons] = rng.pick(spec.merchants);
      const large = rng.chance(spec.largeShare);
      const rupees = large ? rng.between(11_000, 48_000) : rng.between(min, max);
      const low = lowEvery > 0 && i % lowEvery === 1;
      const at = new Date(start + rng.next() * (end - start));
      intents.push({
        agent: spec.key,
        at,
        amount: Math.round(rupees) * 100,
        merchant,
        category,
        reason: rng.pick(reasons),
        confidence: round2(low ? rng.between(0.35, 0.58) : rng.between(...spec.confidence)),
        metadata: meta(spec.key),
        fate: regularFate(rng, spec, at, now),
      });
    }
  }
  intents.push(...specialIntents(now, (agent, extra) => meta(agent, extra)));
  intents.push(...lateNightIntents(now, (agent, extra) => meta(agent, extra)));
  intents.sort((a, b) => a.at.getTime() - b.at.getTime());
  const events: PlannedEvent[] = [
    { kind: "suspend", agent: "travel", at: new Date(now.getTime() - 6 * DAY) },
    { kind: "risk_high", agent: "growth", at: new Date(now.getTime() - 3 * DAY) },
  ];
  return { intents, events };
}

function regularFate(rng: Rng, spec: DemoAgentSpec, at: Date, now: Date): Fate {
  const roll = rng.next();
  const by = rng.pick(["approver", "approver", "approver2", "admin"] as const);
  const afterMs = Math.round(rng.between(0.3, 20) * HOUR);
  if (roll < spec.fates.approve || (roll >= spec.fates.approve + spec.fates.reject && now.getTime() - at.getTime() < 4 * DAY)) {
    return { kind: "answer", decision: "approve", by, afterMs, comment: rng.pick(APPROVE_COMMENTS) };
  }
  if (roll < spec.fates.approve + spec.fates.reject) return { kind: "answer", decision: "reject", by, afterMs, comment: rng.pick(REJECT_COMMENTS) };
  return { kind: "expire" };
}

const round2 = (x: number) => Math.round(x * 100) / 100;

/**
 * Where UTC and the organisation's calendar disagree (the demo runs on Asia/Kolkata, UTC+5:30):
 * two days ago at 19:00 and 23:30 UTC, and five minutes past the next UTC midnight, the
 * procurement agent bought small things. In India all three fall on one day (00:30, 05:00 and
 * 05:35), so the third one's daily budget counts the two before it although UTC puts them on
 * the previous day. Small enough to be approved by the policy on their own.
 */
export const LATE_NIGHT_MERCHANTS = { first: "Early Bird Stationery", late: "Dawn Print House", next: "Sunrise Snacks" } as const;

function lateNightIntents(now: Date, meta: Meta): PlannedIntent[] {
  const day = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() - 2);
  const at = (h: number, m: number) => new Date(day + (h * 60 + m) * 60_000);
  const item = (when: Date, rupees: number, merchant: string, reason: string): PlannedIntent => ({
    agent: "procurement",
    at: when,
    amount: rupees * 100,
    merchant,
    category: "office",
    reason,
    confidence: 0.96,
    metadata: meta("procurement"),
    fate: { kind: "expire" }, // approved by the policy: no approval is opened
  });
  return [
    item(at(19, 0), 9_000, LATE_NIGHT_MERCHANTS.first, "Printer paper and toner for the finance floor"),
    item(at(23, 30), 9_500, LATE_NIGHT_MERCHANTS.late, "Printed audit binders for the morning review"),
    item(at(24, 5), 1_200, LATE_NIGHT_MERCHANTS.next, "Breakfast for the audit team"),
  ];
}

type Meta = (agent: AgentKey, extra?: Record<string, string>) => Record<string, string>;

/** Hand-placed intents: policy denials worth showing, and the live inbox of the last two days. */
function specialIntents(now: Date, meta: Meta): PlannedIntent[] {
  const ago = (hours: number) => new Date(now.getTime() - hours * HOUR);
  const leave: Fate = { kind: "leave" };
  const item = (
    agent: AgentKey,
    hours: number,
    rupees: number,
    merchant: string,
    category: string,
    reason: string,
    confidence: number,
    fate: Fate = leave,
    extra: Record<string, string> = {},
  ): PlannedIntent => ({
    agent,
    at: ago(hours),
    amount: rupees * 100,
    merchant,
    category,
    reason,
    confidence,
    metadata: meta(agent, extra),
    fate,
  });
  const expire: Fate = { kind: "expire" };
  return [
    // Denied by the policy: a blocked category, the hard limit, a suspended agent.
    item("growth", 19 * 24 + 5, 25_000, "Stake.com", "gambling", "Promotional credits for an affiliate campaign", 0.71, expire),
    item("research", 24 * 24 + 2, 1_45_000, "Lambda Labs", "gpu_compute", "Reserve 8×H100 for a fine-tuning run", 0.83, expire),
    item("research", 16 * 24 + 7, 1_80_000, "Lambda Labs", "gpu_compute", "GPU cluster for the forecasting model", 0.78, expire),
    item("research", 9 * 24 + 3, 1_25_000, "CoreWeave", "gpu_compute", "Burst capacity for a benchmark sweep", 0.66, expire),
    item("travel", 5 * 24 - 2, 7_800, "MakeMyTrip", "travel", "Flights for the Hyderabad vendor visit", 0.9, expire),
    item("travel", 3 * 24 + 6, 12_400, "Taj Hotels", "lodging", "Hotel for the Hyderabad vendor visit", 0.88, expire),
    item("travel", 2 * 24 + 5, 950, "Uber", "travel", "Airport transfer", 0.93, expire),
    // Answered at seed time through respondToApproval.
    item("procurement", 40, 11_800, "Atlassian", "saas", "Jira Premium upgrade for the audit trail", 0.94, {
      kind: "answer_now",
      decision: "approve",
      by: "approver",
      comment: "Budgeted in the Q4 plan.",
    }),
    item("growth", 30, 21_000, "Meta Ads", "advertising", "Instagram reels boost for the launch week", 0.8, {
      kind: "answer_now",
      decision: "reject",
      by: "approver2",
      comment: "Launch week budget is already spent.",
    }),
    item("cloud", 20, 14_000, "Google Cloud", "cloud", "Committed-use discount top-up", 0.92, {
      kind: "answer_now",
      decision: "approve",
      by: "admin",
      comment: "Saves 18% on GKE; approved.",
    }),
    // The inbox: still waiting for a person.
    item("cloud", 26, 78_500, "AWS", "cloud", "Reserved Instances: 1-year commitment for the production cluster", 0.93, leave, { quote_id: "AWS-RI-88213" }),
    item("cloud", 9, 62_000, "Datadog", "observability", "Annual Datadog Pro contract (prepaid, 15% discount)", 0.9),
    item("growth", 14, 55_000, "LinkedIn Ads", "advertising", "Sponsored content for the CFO summit", 0.88),
    item("growth", 5, 18_000, "Google Ads", "advertising", "Search campaign top-up for December", 0.91),
    item("research", 7, 4_500, "OpenAI", "api_credits", "Extra credits: the eval run might need more tokens", 0.52),
    item("procurement", 31, 24_000, "Figma", "saas", "Figma Organization upgrade for 12 designers", 0.95),
    item("research", 18, 15_000, "Anthropic", "api_credits", "Claude API credits for the contract-review pilot", 0.9),
    item("cloud", 3, 12_500, "Cloudflare", "cloud", "Cloudflare Business plan for the customer portal", 0.86),
  ];
}
