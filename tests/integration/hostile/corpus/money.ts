import { expect } from "vitest";
import { api } from "../../support/http";

/** The agent's wallet as the API shows it, beside what its ledger adds up to (newest 100 lines: corpus agents have fewer). */
export async function moneyOf(adminKey: string, agentId: string) {
  const wallet = (await api(adminKey, "GET", `/api/v1/agents/${agentId}`)).body.wallet;
  const { admin } = await import("../../support/factories");
  const ledger = await admin<{ count: number; entries: { kind: string; amount: number }[] }>(["wallet", "ledger"], { agent: agentId });
  expect(ledger.count).toBeLessThanOrEqual(100);
  const sum = (kinds: string[], sign = 1) => ledger.entries.filter((e) => kinds.includes(e.kind)).reduce((n, e) => n + sign * e.amount, 0);
  return {
    balance: Number(wallet.balance),
    held: Number(wallet.held),
    available: Number(wallet.available),
    ledgerBalance: sum(["credit", "reversal"]) - sum(["debit"]),
    ledgerHeld: sum(["hold"]) - sum(["release"]),
    debited: sum(["debit"]),
  };
}

/** Every balance change is a ledger line, and nothing is below zero. */
export async function expectMoneyConsistent(adminKey: string, agentId: string) {
  const m = await moneyOf(adminKey, agentId);
  expect({ balance: m.balance, held: m.held }).toEqual({ balance: m.ledgerBalance, held: m.ledgerHeld });
  expect(m.balance).toBeGreaterThanOrEqual(0);
  expect(m.held).toBeGreaterThanOrEqual(0);
  expect(m.available).toBeGreaterThanOrEqual(0);
  return m;
}
