import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { evaluatePolicy } from "./evaluate-policy";
import { AGENT_ID, makeEvaluationInput as input, stepOf } from "./make-evaluation-input";
import { normalizeName } from "./rule-check";
import type { PolicyRules } from "./types";

// Issue 17, item 6: a block always wins over an allow, and an agent override may add blocks but never lift the organisation's.
describe("agent overrides cannot lift the organisation's blocks", () => {
  it("an override with an empty blocklist and the merchant on its allowlist does not approve a merchant the organisation blocked", () => {
    const d = evaluatePolicy(
      input({
        rules: { merchantBlocklist: ["amazon.com"] },
        agentOverrides: { [AGENT_ID]: { merchantBlocklist: [], merchantAllowlist: ["amazon.com"] } },
        intent: { merchant: "Amazon.com" },
      }),
    );
    expect(d).toMatchObject({ outcome: "deny", rule: "merchant_blocklist", reason: 'The merchant "Amazon.com" is on the merchant blocklist.' });
    expect(stepOf(d, "merchant_allowlist").result).toBe("pass");
  });

  it("the same for categories", () => {
    const d = evaluatePolicy(
      input({ agentOverrides: { [AGENT_ID]: { categoryBlocklist: [], categoryAllowlist: ["gambling"] } }, intent: { merchantCategory: "gambling" } }),
    );
    expect(d).toMatchObject({ outcome: "deny", rule: "category_blocklist" });
  });

  it("an override adds its own blocks to the organisation's", () => {
    const policy = { rules: { merchantBlocklist: ["a.com"] }, agentOverrides: { [AGENT_ID]: { merchantBlocklist: ["b.com"] } } };
    expect(evaluatePolicy(input({ ...policy, intent: { merchant: "a.com" } })).rule).toBe("merchant_blocklist");
    expect(evaluatePolicy(input({ ...policy, intent: { merchant: "b.com" } })).rule).toBe("merchant_blocklist");
    expect(evaluatePolicy(input({ ...policy, intent: { merchant: "c.com" } })).outcome).toBe("approve");
  });

  it("an override's allowlist narrows the organisation's, never widens it", () => {
    const rules = { merchantAllowlist: ["AWS", "GCP"] };
    const narrowed = { [AGENT_ID]: { merchantAllowlist: ["AWS", "Azure"] } };
    expect(evaluatePolicy(input({ rules, agentOverrides: narrowed, intent: { merchant: "AWS" } })).outcome).toBe("approve");
    expect(evaluatePolicy(input({ rules, agentOverrides: narrowed, intent: { merchant: "GCP" } }))).toMatchObject({
      outcome: "deny",
      rule: "merchant_allowlist",
      reason: 'The merchant "GCP" is not on the agent\'s own merchant allowlist.',
    });
    expect(evaluatePolicy(input({ rules, agentOverrides: narrowed, intent: { merchant: "Azure" } }))).toMatchObject({
      outcome: "deny",
      reason: 'The merchant "Azure" is not on the organisation\'s merchant allowlist.',
    });
    // An empty override allowlist is no restriction of its own, and lifts nothing.
    const empty = { [AGENT_ID]: { merchantAllowlist: [] } };
    expect(evaluatePolicy(input({ rules, agentOverrides: empty, intent: { merchant: "Azure" } })).rule).toBe("merchant_allowlist");
  });

  it("a blocked merchant on the allowlist is denied (a block always wins over an allow)", () => {
    const d = evaluatePolicy(input({ rules: { merchantAllowlist: ["AWS"], merchantBlocklist: ["aws"] }, intent: { merchant: "AWS" } }));
    expect(d).toMatchObject({ outcome: "deny", rule: "merchant_blocklist" });
  });

  // Any organisation blocklist, any override of any rule, any spelling of the name: denied.
  it("holds for any override (property)", () => {
    const name = fc.stringMatching(/^[a-z][a-z0-9.-]{0,12}$/);
    const spelling = (n: string) =>
      fc.constantFrom(
        n,
        n.toUpperCase(),
        ` ${n}\t`,
        `\u200b${n}`,
        n.replace(/[a-z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)),
      );
    const list = fc.array(name, { maxLength: 4 });
    const override = fc.record(
      {
        merchantBlocklist: list,
        merchantAllowlist: list,
        categoryBlocklist: list,
        categoryAllowlist: list,
        hardLimit: fc.integer({ min: 0, max: 1e9 }),
        autoApproveLimit: fc.integer({ min: 0, max: 1e9 }),
        dailyBudget: fc.constantFrom(null, 1e12),
        minConfidence: fc.double({ min: 0, max: 1, noNaN: true }),
        timeWindow: fc.constant(null),
      },
      { requiredKeys: [] },
    ) as fc.Arbitrary<Partial<PolicyRules>>;
    fc.assert(
      fc.property(name, list, override, fc.boolean(), (blocked, others, agentRules, onOverrideAllowlist) =>
        fc.assert(
          fc.property(spelling(blocked), (merchant) => {
            const o = onOverrideAllowlist ? { ...agentRules, merchantAllowlist: [...(agentRules.merchantAllowlist ?? []), merchant] } : agentRules;
            const d = evaluatePolicy(input({ rules: { merchantBlocklist: [...others, blocked] }, agentOverrides: { [AGENT_ID]: o }, intent: { merchant } }));
            expect(d.outcome).toBe("deny");
            expect(stepOf(d, "merchant_blocklist").result).toBe("deny");
          }),
          { numRuns: 5 },
        ),
      ),
      { numRuns: 300 },
    );
  });
});

describe("names match whole names, ignoring case and outer whitespace", () => {
  it("notamazon.com is not amazon.com, nor is amazon.com.evil", () => {
    const rules = { merchantBlocklist: ["amazon.com"] };
    for (const merchant of ["notamazon.com", "amazon.com.evil", "amazon", "amazon .com"]) {
      expect(stepOf(evaluatePolicy(input({ rules, intent: { merchant } })), "merchant_blocklist").result).toBe("pass");
    }
    for (const merchant of ["amazon.com", " AMAZON.COM ", "Amazon.Com\n", "\u200bamazon.com\ufeff", "ａｍａｚｏｎ．ｃｏｍ"]) {
      expect(stepOf(evaluatePolicy(input({ rules, intent: { merchant } })), "merchant_blocklist").result).toBe("deny");
    }
  });

  it("normalizeName keeps inner whitespace and folds compatibility forms", () => {
    expect(normalizeName("  Shady  Corp ")).toBe("shady  corp");
    expect(normalizeName("ＡＷＳ")).toBe("aws");
    expect(normalizeName("\u200b\u00a0")).toBe("");
  });

  it("a name that is only whitespace or invisible characters names nothing: an allowlist denies it", () => {
    const d = evaluatePolicy(input({ rules: { merchantAllowlist: ["AWS"] }, intent: { merchant: "\u200b " } }));
    expect(d).toMatchObject({ outcome: "deny", rule: "merchant_allowlist" });
  });
});
