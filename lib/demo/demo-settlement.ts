import type { SettleRequest } from "@/lib/intents/settle-approved-intent";
import { createRng } from "./prng";

const HOUR = 3_600_000;

/**
 * What the demo agents later reported about what they paid, so Reconciliation shows a
 * realistic month rather than a wall of "awaiting capture": most approvals captured in full
 * within two days, some partly (a discount, a cancelled seat), a few voided, and a few never
 * reported (overdue gaps). Anything approved in the last few hours is still awaiting capture.
 * Deterministic, like the rest of the plan, with its own seed so the plan itself is unchanged.
 */
export function demoSettlementPlanner(seed = 20261129) {
  const rng = createRng(seed);
  return (amount: number, approvedAt: Date, now: Date): { at: Date; request: SettleRequest } | null => {
    const at = new Date(approvedAt.getTime() + rng.between(0.5, 40) * HOUR);
    const roll = rng.next();
    const partOf = rng.between(0.7, 0.97);
    if (at.getTime() > now.getTime() - HOUR) return null; // not reported yet
    if (roll < 0.03) return null; // never reported: an overdue gap
    if (roll < 0.08) return { at, request: { kind: "void", reason: "Order cancelled before payment" } };
    if (roll < 0.16) {
      const paid = Math.max(100, Math.round((amount * partOf) / 100) * 100); // whole rupees
      if (paid < amount) return { at, request: { kind: "capture", amount: paid } };
    }
    return { at, request: { kind: "capture", amount } };
  };
}
