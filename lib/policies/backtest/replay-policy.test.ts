import { describe, expect, it } from "vitest";
import { DEFAULT_POLICY } from "@/lib/policies/engine";
import type { Policy } from "@/lib/policies/engine/types";
import { replayPolicy, type HistoricIntent } from "./replay-policy";
import { summarizeBacktest } from "./summarize-backtest";

const AGENT = "3f1c2b9e-8d4a-4c6e-9b2f-0a1d2e3f4a5b";
const at = (h: number, m = 0) => new Date(Date.UTC(2026, 10, 10, h, m));
let n = 0;
const intent = (amount: number, createdAt: Date, over: Partial<HistoricIntent> = {}): HistoricIntent => ({
  id: `int_${++n}`,
  agentId: AGENT,
  amount,
  committed: amount,
  currency: "INR",
  confidence: 0.95,
  merchant: "AWS",
  merchantCategory: "cloud",
  createdAt,
  recorded: { outcome: "approve", rule: "auto_approve_limit", riskLevel: "low" },
  status: "approved",
  agentSuspended: false,
  frozen: false,
  walletShort: false,
  noWallet: false,
  ...over,
});
const policy = (rules: Partial<Policy["rules"]>): Policy => ({ ...DEFAULT_POLICY, rules: { ...DEFAULT_POLICY.rules, ...rules }, agentOverrides: {} });
const from = at(0);

describe("replayPolicy", () => {
  it("replays the daily budget in order: later intents of the day flip once the draft's budget is used", () => {
    const history = [intent(400_000, at(9)), intent(400_000, at(10)), intent(400_000, at(11))];
    const current = replayPolicy(history, policy({ dailyBudget: 5_000_000, autoApproveLimit: 1_000_000 }), from, "UTC", "INR");
    const draft = replayPolicy(history, policy({ dailyBudget: 1_000_000, autoApproveLimit: 1_000_000 }), from, "UTC", "INR");
    expect(history.map((i) => current.get(i.id)!.outcome)).toEqual(["approve", "approve", "approve"]);
    expect(history.map((i) => draft.get(i.id)!.outcome)).toEqual(["approve", "approve", "deny"]);
    expect(draft.get(history[2].id)!.rule).toBe("daily_budget");
  });

  it("counts spend before the window as it happened, and only replays inside it", () => {
    const before = intent(900_000, at(0, 0));
    before.createdAt = new Date(from.getTime() - 60_000);
    const inside = intent(200_000, at(9));
    const draft = replayPolicy([before, inside], policy({ dailyBudget: 1_000_000, autoApproveLimit: 1_000_000 }), from, "UTC", "INR");
    expect(draft.has(before.id)).toBe(false);
    // The day started at 00:00 UTC, after `before`: a new day, so the budget is fresh.
    expect(draft.get(inside.id)!.outcome).toBe("approve");
    const sameDay = replayPolicy(
      [before, inside],
      policy({ dailyBudget: 1_000_000, autoApproveLimit: 1_000_000 }),
      new Date(from.getTime() - 30_000),
      "Asia/Kolkata",
      "INR",
    );
    expect(sameDay.get(inside.id)!.outcome).toBe("deny");
  });

  it("counts submissions in the velocity window whatever their outcome", () => {
    const history = [intent(100, at(9, 0)), intent(100, at(9, 10)), intent(100, at(9, 20)), intent(100, at(10, 15))];
    const draft = replayPolicy(history, policy({ maxIntentsPerHour: 2 }), from, "UTC", "INR");
    expect(history.map((i) => draft.get(i.id)!.outcome)).toEqual(["approve", "approve", "deny", "approve"]);
  });

  it("reuses the recorded agent status and wallet shortfall", () => {
    const history = [intent(100, at(9), { agentSuspended: true }), intent(100, at(9, 5), { walletShort: true })];
    const draft = replayPolicy(history, policy({}), from, "UTC", "INR");
    expect(draft.get(history[0].id)!.rule).toBe("agent_status");
    expect(draft.get(history[1].id)!.rule).toBe("wallet_balance");
  });
});

describe("summarizeBacktest", () => {
  it("counts flips, money, agents and the inbox change", () => {
    const history = [intent(400_000, at(9)), intent(2_000_000, at(10)), intent(7_000_000, at(11))];
    const current = replayPolicy(history, policy({ autoApproveLimit: 1_000_000, hardLimit: 10_000_000, dailyBudget: null }), from, "UTC", "INR");
    const draft = replayPolicy(history, policy({ autoApproveLimit: 3_000_000, hardLimit: 5_000_000, dailyBudget: null }), from, "UTC", "INR");
    const s = summarizeBacktest(history, current, draft, 7);
    expect(s.evaluated).toBe(3);
    expect(s.flips.by_outcome).toEqual([
      { from: "require_approval", to: "approve", count: 1, amounts: { INR: 2_000_000 } },
      { from: "require_approval", to: "deny", count: 1, amounts: { INR: 7_000_000 } },
    ]);
    expect(s.inbox).toMatchObject({ current: 2, draft: 0, change: -2 });
    expect(s.agents).toEqual([{ agent_id: AGENT, flips: 2, amounts: { INR: 9_000_000 } }]);
    expect(s.flipped.map((f) => f.intent_id)).toEqual([history[2].id, history[1].id]);
    expect(s.money[0]).toMatchObject({ currency: "INR", approved_current: 400_000, approved_draft: 2_400_000, denied_draft: 7_000_000 });
  });
});
