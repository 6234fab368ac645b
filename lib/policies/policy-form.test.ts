import { describe, expect, it } from "vitest";
import { DEFAULT_POLICY, toPolicyDocument } from "@/lib/policies/engine";
import { describePolicyChanges } from "./describe-policy-changes";
import { fromPolicyForm, toPolicyForm } from "./policy-form";

const AGENT = "0b6f7a52-7c5e-4f0e-9d7e-2f6c1f1b9a01";
const base = () => {
  const doc = toPolicyDocument(DEFAULT_POLICY);
  doc.rules.merchant_blocklist = ["Acme, Inc.", "Stake.com"];
  doc.agent_overrides = { [AGENT]: { hard_limit: 5_000_000, daily_budget: null, merchant_blocklist: ["Steam"] } };
  return doc;
};

describe("policy form", () => {
  it("shows amounts in the currency and gives back the same document when nothing is touched", () => {
    const doc = base();
    const form = toPolicyForm(doc, "INR");
    expect(form.hard_limit).toBe((doc.rules.hard_limit / 100).toLocaleString("en-IN", { minimumFractionDigits: 2 }));
    expect(form.overrides[0]).toMatchObject({ agentId: AGENT, hard_limit: "50,000.00", daily_budget: "none", auto_approve_limit: "" });
    expect(fromPolicyForm(form, doc, "INR")).toEqual({ document: doc, errors: [] });
  });

  it("turns typed amounts into minor units, and the diff reads in plain words", () => {
    const doc = base();
    const form = { ...toPolicyForm(doc, "INR"), auto_approve_limit: "15,000.00", merchant_blocklist: "Acme, Inc.\nStake.com\nBet365" };
    form.overrides = [{ ...form.overrides[0], hard_limit: "", max_intents_per_hour: "30" }];
    const { document, errors } = fromPolicyForm(form, doc, "INR");
    expect(errors).toEqual([]);
    expect(document.rules.auto_approve_limit).toBe(1_500_000);
    expect(document.rules.merchant_blocklist).toEqual(["Acme, Inc.", "Stake.com", "Bet365"]);
    // Fields the form does not show (the agent's blocklist) are carried over.
    expect(document.agent_overrides[AGENT]).toEqual({ daily_budget: null, merchant_blocklist: ["Steam"], max_intents_per_hour: 30 });
    expect(describePolicyChanges(doc, document, "INR", new Map([[AGENT, "Procurement bot"]]))).toEqual([
      `Auto-approve up to ₹${(doc.rules.auto_approve_limit / 100).toLocaleString("en-IN", { minimumFractionDigits: 2 })} → ₹15,000.00`,
      "Blocked merchants Acme, Inc., Stake.com → Acme, Inc., Stake.com, Bet365",
      "Procurement bot: Deny above ₹50,000.00 → (organisation's rule)",
      "Procurement bot: Max intents per hour (organisation's rule) → 30",
    ]);
  });

  it("names the fields a person typed wrongly, in the currency's terms", () => {
    const doc = base();
    const form = { ...toPolicyForm(doc, "INR"), hard_limit: "lots", daily_budget: "12.345", expiry_hours: "0", min_confidence: "120" };
    expect(fromPolicyForm(form, doc, "INR").errors.map((e) => e.field)).toEqual(["min_confidence", "hard_limit", "daily_budget", "expiry_hours"]);
    expect(fromPolicyForm(form, doc, "INR").errors[1].issue).toBe("must be an amount in INR, like 10,000.00");
    // A currency without minor units takes whole amounts only.
    expect(fromPolicyForm({ ...toPolicyForm(doc, "JPY"), hard_limit: "1,000.50" }, doc, "JPY").errors.map((e) => e.field)).toEqual(["hard_limit"]);
  });
});
