import { describe, expect, it } from "vitest";
import { evaluatePolicy } from "./evaluate-policy";
import { makeEvaluationInput as input, stepOf } from "./make-evaluation-input";

describe("merchant_blocklist", () => {
  it("denies a blocked merchant, compared trimmed and case-insensitively", () => {
    const d = evaluatePolicy(input({ rules: { merchantBlocklist: [" shady corp "] }, intent: { merchant: "Shady Corp" } }));
    expect(d).toMatchObject({
      outcome: "deny",
      rule: "merchant_blocklist",
      reason: 'The merchant "Shady Corp" is on the merchant blocklist.',
    });
  });

  it("passes a merchant not on the list", () => {
    const d = evaluatePolicy(input({ rules: { merchantBlocklist: ["Shady Corp"] }, intent: { merchant: "AWS" } }));
    expect(stepOf(d, "merchant_blocklist").result).toBe("pass");
    expect(d.outcome).toBe("approve");
  });

  it("is skipped when the list is empty or the intent names no merchant", () => {
    expect(stepOf(evaluatePolicy(input()), "merchant_blocklist")).toEqual({
      rule: "merchant_blocklist",
      result: "skipped",
      detail: "No merchant blocklist is set.",
    });
    const d = evaluatePolicy(input({ rules: { merchantBlocklist: ["x"] }, intent: { merchant: null } }));
    expect(stepOf(d, "merchant_blocklist").result).toBe("skipped");
    expect(d.outcome).toBe("approve");
  });
});

describe("merchant_allowlist", () => {
  it("passes a listed merchant, compared trimmed and case-insensitively", () => {
    const d = evaluatePolicy(input({ rules: { merchantAllowlist: ["aws", "GCP"] }, intent: { merchant: "  AWS" } }));
    expect(stepOf(d, "merchant_allowlist").result).toBe("pass");
    expect(d.outcome).toBe("approve");
  });

  it("denies a merchant not on the list", () => {
    const d = evaluatePolicy(input({ rules: { merchantAllowlist: ["GCP"] }, intent: { merchant: "AWS" } }));
    expect(d).toMatchObject({
      outcome: "deny",
      rule: "merchant_allowlist",
      reason: 'The merchant "AWS" is not on the merchant allowlist.',
    });
  });

  it("denies an intent that names no merchant when an allowlist is set", () => {
    const d = evaluatePolicy(input({ rules: { merchantAllowlist: ["GCP"] }, intent: { merchant: null } }));
    expect(d.outcome).toBe("deny");
    expect(d.rule).toBe("merchant_allowlist");
  });

  it("is skipped (any merchant allowed) when the list is empty", () => {
    expect(stepOf(evaluatePolicy(input()), "merchant_allowlist").result).toBe("skipped");
  });
});

describe("category_blocklist", () => {
  it("denies gambling under the default policy, case-insensitively", () => {
    const d = evaluatePolicy(input({ intent: { merchantCategory: "Gambling " } }));
    expect(d).toMatchObject({
      outcome: "deny",
      rule: "category_blocklist",
      reason: 'The merchant category "Gambling" is on the merchant category blocklist.',
    });
  });

  it("passes another category and skips a missing one", () => {
    expect(stepOf(evaluatePolicy(input({ intent: { merchantCategory: "cloud" } })), "category_blocklist").result).toBe("pass");
    const d = evaluatePolicy(input({ intent: { merchantCategory: null } }));
    expect(stepOf(d, "category_blocklist").result).toBe("skipped");
    expect(d.outcome).toBe("approve");
  });
});

describe("category_allowlist", () => {
  it("passes a listed category and denies an unlisted or missing one", () => {
    const rules = { categoryAllowlist: ["cloud", "saas"] };
    expect(evaluatePolicy(input({ rules, intent: { merchantCategory: "SaaS" } })).outcome).toBe("approve");
    expect(evaluatePolicy(input({ rules, intent: { merchantCategory: "travel" } }))).toMatchObject({
      outcome: "deny",
      rule: "category_allowlist",
      reason: 'The merchant category "travel" is not on the merchant category allowlist.',
    });
    expect(evaluatePolicy(input({ rules, intent: { merchantCategory: null } })).rule).toBe("category_allowlist");
  });

  it("is skipped when the list is empty", () => {
    expect(stepOf(evaluatePolicy(input()), "category_allowlist").result).toBe("skipped");
  });
});
