import { describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { DEFAULT_POLICY } from "./default-policy";
import { AGENT_ID } from "./make-evaluation-input";
import { parsePolicyDocument, parseRulesOverride, toPolicyDocument } from "./policy-document";

const DOCUMENT = {
  rules: {
    auto_approve_limit: 1000000,
    hard_limit: 10000000,
    daily_budget: 5000000,
    monthly_budget: 50000000,
    merchant_allowlist: [],
    merchant_blocklist: [],
    category_allowlist: [],
    category_blocklist: ["gambling"],
    min_confidence: 0.6,
    low_confidence_action: "require_approval",
    max_intents_per_hour: 60,
    approval_risk_levels: ["high", "critical"],
    time_window: null,
  },
  approvals: { admin_threshold: 5000000, dual_approval_threshold: 7500000, expiry_hours: 72 },
  settlement: { auto_after_hours: null, auto_action: "capture" },
  agent_overrides: { [AGENT_ID]: { daily_budget: 100000 } },
};

// JSON.parse gives an untyped copy the tests can break freely.
const clone = () => JSON.parse(JSON.stringify(DOCUMENT));

function issuesOf(json: unknown): { path: string; message: string }[] {
  try {
    parsePolicyDocument(json);
  } catch (error) {
    expect(error).toBeInstanceOf(ZodError);
    return (error as ZodError).issues.map((i) => ({ path: i.path.join("."), message: i.message }));
  }
  throw new Error("expected the document to be rejected");
}

describe("parsePolicyDocument", () => {
  it("parses the documented example into the camelCase Policy", () => {
    expect(parsePolicyDocument(DOCUMENT)).toEqual({ ...DEFAULT_POLICY, agentOverrides: { [AGENT_ID]: { dailyBudget: 100000 } } });
  });

  it("round-trips: toPolicyDocument is the inverse", () => {
    expect(toPolicyDocument(parsePolicyDocument(DOCUMENT))).toEqual(DOCUMENT);
    const policy = parsePolicyDocument(DOCUMENT);
    expect(parsePolicyDocument(JSON.parse(JSON.stringify(toPolicyDocument(policy))))).toEqual(policy);
    expect(parsePolicyDocument(toPolicyDocument(DEFAULT_POLICY))).toEqual(DEFAULT_POLICY);
  });

  it("parses versions saved before time windows and settlement existed, with their defaults", () => {
    const doc = clone();
    delete doc.rules.time_window;
    delete doc.settlement;
    const policy = parsePolicyDocument(doc);
    expect(policy.rules.timeWindow).toBeNull();
    expect(policy.settlement).toEqual({ autoAfterHours: null, autoAction: "capture" });
  });

  it("time windows: org rule and agent override round-trip; bad days, times and zones are refused", () => {
    const doc = clone();
    doc.rules.time_window = { days: ["mon", "tue", "wed", "thu", "fri"], start: "09:00", end: "18:00" };
    doc.agent_overrides[AGENT_ID].time_window = { days: ["sat"], start: "22:00", end: "06:00", time_zone: "America/New_York" };
    doc.settlement = { auto_after_hours: 48, auto_action: "void" };
    const policy = parsePolicyDocument(doc);
    expect(policy.rules.timeWindow).toEqual({ days: ["mon", "tue", "wed", "thu", "fri"], start: "09:00", end: "18:00", timeZone: null });
    expect(policy.agentOverrides[AGENT_ID].timeWindow).toMatchObject({ days: ["sat"], timeZone: "America/New_York" });
    expect(policy.settlement).toEqual({ autoAfterHours: 48, autoAction: "void" });
    expect(parsePolicyDocument(toPolicyDocument(policy))).toEqual(policy);
    const bad = (w: object) => {
      const d = clone();
      d.rules.time_window = w;
      return issuesOf(d).map((i) => i.path);
    };
    expect(bad({ days: ["mon"], start: "9:00", end: "18:00" })).toEqual(["rules.time_window.start"]);
    expect(bad({ days: ["mon"], start: "09:00", end: "24:00" })).toEqual(["rules.time_window.end"]);
    expect(bad({ days: ["monday"], start: "09:00", end: "18:00" })).toEqual(["rules.time_window.days.0"]);
    expect(bad({ days: [], start: "09:00", end: "18:00" })).toEqual(["rules.time_window.days"]);
    expect(bad({ days: ["mon"], start: "09:00", end: "18:00", time_zone: "Mars/Olympus" })).toEqual(["rules.time_window.time_zone"]);
    const s = clone();
    s.settlement = { auto_after_hours: 0, auto_action: "refund" };
    expect(
      issuesOf(s)
        .map((i) => i.path)
        .sort(),
    ).toEqual(["settlement.auto_action", "settlement.auto_after_hours"]);
  });

  it("defaults agent_overrides to {} and expiry_hours to 72", () => {
    const doc = clone();
    delete doc.agent_overrides;
    delete doc.approvals.expiry_hours;
    const policy = parsePolicyDocument(doc);
    expect(policy.agentOverrides).toEqual({});
    expect(policy.approvals.expiryHours).toBe(72);
  });

  it("accepts null budgets, thresholds and velocity, and a hard limit equal to the auto limit", () => {
    const doc = clone();
    Object.assign(doc.rules, { daily_budget: null, monthly_budget: null, max_intents_per_hour: null, hard_limit: 1000000 });
    Object.assign(doc.approvals, { admin_threshold: null, dual_approval_threshold: null });
    const policy = parsePolicyDocument(doc);
    expect(policy.rules).toMatchObject({ dailyBudget: null, monthlyBudget: null, maxIntentsPerHour: null, hardLimit: 1000000 });
    expect(policy.approvals.adminThreshold).toBeNull();
  });

  it("trims list entries", () => {
    const doc = clone();
    doc.rules.merchant_blocklist = ["  Shady Corp "];
    expect(parsePolicyDocument(doc).rules.merchantBlocklist).toEqual(["Shady Corp"]);
  });

  it("rejects unknown fields at every level", () => {
    const doc = clone();
    doc.extra = 1;
    doc.rules.auto_approve_limt = 5;
    doc.approvals.expiry = 1;
    doc.agent_overrides[AGENT_ID].dailyBudget = 1;
    const issues = issuesOf(doc);
    expect(issues).toEqual(
      expect.arrayContaining([
        { path: "", message: 'Unrecognized key: "extra"' },
        { path: "rules", message: 'Unrecognized key: "auto_approve_limt"' },
        { path: "approvals", message: 'Unrecognized key: "expiry"' },
        { path: `agent_overrides.${AGENT_ID}`, message: 'Unrecognized key: "dailyBudget"' },
      ]),
    );
  });

  it("rejects negative and fractional amounts with clear messages", () => {
    const doc = clone();
    doc.rules.daily_budget = -1;
    doc.rules.auto_approve_limit = 10.5;
    doc.approvals.admin_threshold = "5000";
    const issues = issuesOf(doc);
    expect(issues).toContainEqual({ path: "rules.daily_budget", message: "daily_budget must not be negative" });
    expect(issues).toContainEqual({
      path: "rules.auto_approve_limit",
      message: "auto_approve_limit must be a whole number of minor units (e.g. paise or cents), not a decimal or string",
    });
    expect(issues.map((i) => i.path)).toContain("approvals.admin_threshold");
  });

  it("rejects confidence outside 0..1, bad enums and a missing field", () => {
    const doc = clone();
    doc.rules.min_confidence = 1.01;
    doc.rules.low_confidence_action = "ignore";
    doc.rules.approval_risk_levels = ["extreme"];
    delete doc.rules.hard_limit;
    const paths = issuesOf(doc).map((i) => i.path);
    expect(paths).toEqual(expect.arrayContaining(["rules.min_confidence", "rules.low_confidence_action", "rules.approval_risk_levels.0", "rules.hard_limit"]));
  });

  it("rejects a hard limit below the auto-approve limit", () => {
    const doc = clone();
    doc.rules.hard_limit = 999999;
    expect(issuesOf(doc)).toEqual([{ path: "rules.hard_limit", message: "hard_limit must be greater than or equal to auto_approve_limit" }]);
  });

  it("rejects an agent override that puts the hard limit below the auto-approve limit", () => {
    const doc = clone();
    doc.agent_overrides[AGENT_ID] = { auto_approve_limit: 20000000 };
    expect(issuesOf(doc)).toEqual([
      {
        path: `agent_overrides.${AGENT_ID}`,
        message: "with this override, hard_limit would be below auto_approve_limit for this agent",
      },
    ]);
  });

  it("rejects override keys that are not UUIDs", () => {
    const doc = clone();
    doc.agent_overrides = { "agent-1": { daily_budget: 1 } };
    expect(issuesOf(doc)[0].message).toBe("agent_overrides keys must be agent UUIDs");
  });

  it("rejects two overrides for the same agent UUID written in different case", () => {
    const doc = clone();
    doc.agent_overrides[AGENT_ID.toUpperCase()] = { daily_budget: 1 };
    expect(issuesOf(doc)).toEqual([{ path: `agent_overrides.${AGENT_ID.toUpperCase()}`, message: "duplicate agent UUID (keys are case-insensitive)" }]);
  });

  it("rejects non-objects", () => {
    expect(issuesOf(null).length).toBeGreaterThan(0);
    expect(issuesOf("{}").length).toBeGreaterThan(0);
  });
});

describe("parseRulesOverride", () => {
  it("accepts a partial document with the same field names", () => {
    expect(parseRulesOverride({ daily_budget: 100000, merchant_allowlist: ["AWS"] })).toEqual({
      dailyBudget: 100000,
      merchantAllowlist: ["AWS"],
    });
    expect(parseRulesOverride({})).toEqual({});
  });

  it("rejects unknown fields and bad values", () => {
    expect(() => parseRulesOverride({ dailyBudget: 1 })).toThrow(ZodError);
    expect(() => parseRulesOverride({ hard_limit: -5 })).toThrow("hard_limit must not be negative");
  });
});

describe("the document's currency", () => {
  it("is written first when given and read back to the same policy (the currency is the organisation's, not the Policy's)", () => {
    const policy = parsePolicyDocument(DOCUMENT);
    const doc = toPolicyDocument(policy, "INR");
    expect(Object.keys(doc)[0]).toBe("currency");
    expect(doc.currency).toBe("INR");
    expect(parsePolicyDocument(JSON.parse(JSON.stringify(doc)))).toEqual(policy);
    expect(toPolicyDocument(policy)).not.toHaveProperty("currency");
  });

  it("may be left out (older documents) and must be a three-letter code when given", () => {
    expect(() => parsePolicyDocument({ ...clone(), currency: " usd " })).not.toThrow();
    expect(issuesOf({ ...clone(), currency: "dollars" })).toEqual([{ path: "currency", message: "currency must be a three-letter ISO 4217 code such as INR" }]);
    expect(issuesOf({ ...clone(), currency: 356 })[0].path).toBe("currency");
  });
});
