import { describe, expect, it } from "vitest";
import { describeAuditEvent } from "./describe-audit-event";

const ctx = {
  names: new Map([
    ["a1", "Billing bot"],
    ["u1", "Asha Rao"],
  ]),
  timeZone: "Asia/Kolkata",
};

describe("describeAuditEvent", () => {
  it("shows every amount in its currency, never minor units", () => {
    const parts = describeAuditEvent(
      { action: "intent.captured", data: { approved_amount: 227300, captured_amount: 200000, returned_amount: 27300, currency: "INR", auto: false } },
      ctx,
    );
    expect(parts).toEqual(["approved amount: ₹2,273.00", "captured amount: ₹2,000.00", "returned amount: ₹273.00", "auto: false"]);
    expect(describeAuditEvent({ action: "intent.decided", data: { amount: 1500, currency: "JPY", outcome: "approve" } }, ctx)[0]).toBe("¥1,500");
    expect(
      describeAuditEvent({ action: "wallet.low_balance_threshold_set", data: { previous: 50000, threshold: null, currency: "USD", wallet_id: "w" } }, ctx),
    ).toEqual(["previous: $500.00"]);
  });

  it("names people and agents instead of ids, and keeps an id it cannot name", () => {
    expect(
      describeAuditEvent(
        { action: "delegation.created", data: { from_user_id: "u1", to_user_id: "u9", starts_at: "2026-11-28T23:30:00.000Z", ends_at: "x" } },
        ctx,
      ),
    ).toEqual(["from user: Asha Rao", "to user: u9", "starts at: 29 Nov 2026, 5:00 am IST", "ends at: x"]);
    expect(describeAuditEvent({ action: "api_key.created", data: { agent_id: "a1", kind: "agent" } }, ctx)).toEqual(["agent: Billing bot", "kind: agent"]);
  });

  it("leaves out what a line cannot hold (documents, change sets)", () => {
    expect(describeAuditEvent({ action: "policy.updated", data: { version: 3, previous: { a: 1 }, document: { b: 2 } } }, ctx)).toEqual(["version: 3"]);
  });
});
