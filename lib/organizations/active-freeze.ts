import type { SpendingFreeze } from "@/lib/policies/engine/types";

/** The columns a freeze lives in (on organizations and on agents). */
export const FREEZE_COLUMNS = { frozenAt: true, frozenBy: true, frozenReason: true } as const;

type Frozen = { frozenAt: Date | null; frozenBy: string | null; frozenReason: string | null };

/** The freeze that stops this agent's spending, if any; the organisation's wins over the agent's. */
export function activeFreeze(org: Frozen, agent: Frozen): SpendingFreeze | null {
  const pick = (f: Frozen, scope: SpendingFreeze["scope"]) =>
    f.frozenAt ? { scope, since: f.frozenAt.toISOString(), by: f.frozenBy, reason: f.frozenReason } : null;
  return pick(org, "organization") ?? pick(agent, "agent");
}
