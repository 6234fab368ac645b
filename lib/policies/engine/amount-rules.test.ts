import { describe, expect, it } from "vitest";
import { evaluatePolicy } from "./evaluate-policy";
import { makeEvaluationInput as input, stepOf } from "./make-evaluation-input";

describe("currency", () => {
  it("passes when the intent currency matches the wallet (case-insensitively)", () => {
    const d = evaluatePolicy(input({ intent: { currency: "inr" }, wallet: { currency: "INR" } }));
    expect(stepOf(d, "currency").result).toBe("pass");
    expect(d.outcome).toBe("approve");
  });

  it("denies when the wallet is in another currency", () => {
    const d = evaluatePolicy(input({ wallet: { currency: "USD" } }));
    expect(d).toMatchObject({ outcome: "deny", rule: "currency", reason: "The intent is in INR but the agent's wallet is in USD." });
    expect(stepOf(d, "wallet_balance").result).toBe("skipped");
  });

  describe("an intent in another currency than the policy's", () => {
    // ₹10,000 auto-approve read as $10,000 would be ×80 headroom: the amount is never compared.
    const usd = input({ intent: { currency: "USD", amount: 500_000 }, wallet: { currency: "USD" } });

    it("is denied by currency, even with a wallet in its currency, naming both currencies", () => {
      const d = evaluatePolicy(usd);
      expect(d).toMatchObject({
        outcome: "deny",
        rule: "currency",
        reason: "Limits are in INR; this intent is in USD, which the organisation does not spend in.",
      });
    });

    it("is not compared with any limit or budget in the trace", () => {
      const d = evaluatePolicy(usd);
      const detail = "Limits are in INR; a USD amount is not compared with them.";
      for (const rule of ["hard_limit", "daily_budget", "monthly_budget", "auto_approve_limit"] as const) {
        expect(stepOf(d, rule)).toEqual({ rule, result: "skipped", detail });
      }
      // The wallet is the intent's currency, so its balance is still checked, in that currency.
      expect(stepOf(d, "wallet_balance")).toMatchObject({ result: "pass", detail: expect.stringMatching(/USD/) });
    });

    it("is denied before the wallet is looked at", () => {
      const d = evaluatePolicy(input({ intent: { currency: "EUR" }, wallet: null }));
      expect(d.reason).toBe("Limits are in INR; this intent is in EUR, which the organisation does not spend in.");
    });

    it("follows the policy's currency, not INR: a USD organisation denies INR and approves USD", () => {
      const inUsd = evaluatePolicy(input({ policyCurrency: "USD", intent: { currency: "usd" }, wallet: { currency: "USD" } }));
      expect(inUsd.outcome).toBe("approve");
      expect(inUsd.reason).toMatch(/5,000\.00 USD/);
      const inInr = evaluatePolicy(input({ policyCurrency: "USD" }));
      expect(inInr).toMatchObject({ outcome: "deny", rule: "currency", reason: expect.stringMatching(/^Limits are in USD; this intent is in INR/) });
    });
  });

  it("denies when the agent has no wallet", () => {
    const d = evaluatePolicy(input({ wallet: null }));
    expect(d).toMatchObject({ outcome: "deny", rule: "currency", reason: "The agent has no INR wallet, so it cannot spend in INR." });
    expect(stepOf(d, "wallet_balance")).toEqual({
      rule: "wallet_balance",
      result: "skipped",
      detail: "There is no INR wallet to check the balance of.",
    });
  });
});

describe("hard_limit", () => {
  const rules = { autoApproveLimit: 10_000_000, hardLimit: 10_000_000, dailyBudget: null, monthlyBudget: null };

  it("allows an amount exactly at the hard limit", () => {
    const d = evaluatePolicy(input({ rules, intent: { amount: 10_000_000 } }));
    expect(stepOf(d, "hard_limit").result).toBe("pass");
    expect(d.outcome).toBe("approve");
  });

  it("denies one minor unit over the hard limit", () => {
    const d = evaluatePolicy(input({ rules, intent: { amount: 10_000_001 } }));
    expect(d).toMatchObject({
      outcome: "deny",
      rule: "hard_limit",
      reason: "Amount 1,00,000.01 INR exceeds the hard limit of 1,00,000.00 INR.",
    });
  });
});

describe("wallet_balance", () => {
  it("is enough when available (balance - held) equals the amount", () => {
    const d = evaluatePolicy(input({ intent: { amount: 300_000 }, wallet: { balance: 500_000, held: 200_000 } }));
    expect(stepOf(d, "wallet_balance").result).toBe("pass");
    expect(d.outcome).toBe("approve");
  });

  it("denies one minor unit over what is available", () => {
    const d = evaluatePolicy(input({ intent: { amount: 300_001 }, wallet: { balance: 500_000, held: 200_000 } }));
    expect(d).toMatchObject({
      outcome: "deny",
      rule: "wallet_balance",
      reason:
        "Amount 3,000.01 INR exceeds the wallet's available balance of 3,000.00 INR " + "(balance 5,000.00 INR, 2,000.00 INR held for pending approvals).",
    });
  });

  it("denies when the whole balance is held", () => {
    const d = evaluatePolicy(input({ intent: { amount: 1 }, wallet: { balance: 500_000, held: 500_000 } }));
    expect(d.rule).toBe("wallet_balance");
    expect(d.outcome).toBe("deny");
  });
});

describe("auto_approve_limit", () => {
  it("approves an amount exactly at the auto-approve limit", () => {
    const d = evaluatePolicy(input({ intent: { amount: 1_000_000 } }));
    expect(d).toMatchObject({
      outcome: "approve",
      rule: "auto_approve_limit",
      reason: "Amount 10,000.00 INR is within the auto-approve limit of 10,000.00 INR and every other rule passed.",
    });
    expect(stepOf(d, "auto_approve_limit").result).toBe("pass");
  });

  it("requires approval one minor unit over the auto-approve limit", () => {
    const d = evaluatePolicy(input({ intent: { amount: 1_000_001 } }));
    expect(d).toMatchObject({ outcome: "require_approval", rule: "auto_approve_limit" });
  });

  it("writes the reason in major units with the currency code", () => {
    const d = evaluatePolicy(input({ intent: { amount: 1_250_000 } }));
    expect(d.reason).toBe("Amount 12,500.00 INR exceeds the auto-approve limit of 10,000.00 INR; a human must approve.");
  });

  it("formats zero-decimal currencies in their own units", () => {
    const d = evaluatePolicy(
      input({ policyCurrency: "JPY", intent: { amount: 15_000, currency: "JPY" }, wallet: { currency: "JPY" }, rules: { autoApproveLimit: 10_000 } }),
    );
    expect(d.reason).toBe("Amount 15,000 JPY exceeds the auto-approve limit of 10,000 JPY; a human must approve.");
  });
});
