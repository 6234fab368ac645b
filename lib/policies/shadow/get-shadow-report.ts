import type { Actor } from "@/lib/auth/principal";
import type { DbOrTx } from "@/lib/db/client";
import { assertCan } from "@/lib/permissions/can";
import { getOrgCurrency } from "@/lib/organizations/get-org-currency";
import { parsePolicyDocument, toPolicyDocument } from "@/lib/policies/engine";
import type { Outcome } from "@/lib/policies/engine/types";

type Disagreement = {
  intent_id: string;
  agent_id: string;
  agent_name: string;
  amount: number;
  currency: string;
  decided_at: string;
  live: { outcome: Outcome; rule: string };
  shadow: { outcome: Outcome; rule: string; reason: string };
};

/**
 * The organisation's shadow draft (the running one, else the last one) with how its answers
 * compared with the live decisions since it started: counts per (live, shadow) pair and the
 * latest disagreements. Admins only. null when no draft ever ran.
 */
export async function getShadowReport(db: DbOrTx, actor: Actor, orgId: string, limit = 50) {
  assertCan(actor, "policy.shadow", { orgId });
  const shadow = await db.shadowPolicy.findFirst({ where: { orgId }, orderBy: [{ stoppedAt: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }] });
  if (!shadow) return null;
  const [pairs, rows] = await Promise.all([
    db.$queryRaw<{ live: Outcome; shadow: Outcome; n: bigint }[]>`
      SELECT outcome::text AS live, shadow_outcome::text AS shadow, COUNT(*) AS n FROM policy_decisions
      WHERE shadow_policy_id = ${shadow.id} GROUP BY 1, 2 ORDER BY 1, 2`,
    db.$queryRaw<
      {
        intent_id: string;
        agent_id: string;
        agent_name: string;
        amount: bigint;
        currency: string;
        created_at: Date;
        outcome: Outcome;
        rule: string;
        shadow_outcome: Outcome;
        shadow_rule: string;
        shadow_reason: string;
      }[]
    >`
      SELECT d.intent_id, i.agent_id::text AS agent_id, a.name AS agent_name, i.amount, i.currency, d.created_at,
        d.outcome::text AS outcome, d.rule, d.shadow_outcome::text AS shadow_outcome, d.shadow_rule, d.shadow_reason
      FROM policy_decisions d JOIN intents i ON i.id = d.intent_id JOIN agents a ON a.id = i.agent_id
      WHERE d.shadow_policy_id = ${shadow.id} AND d.shadow_outcome <> d.outcome AND i.org_id = ${orgId}
      ORDER BY d.created_at DESC LIMIT ${limit}`,
  ]);
  const count = (p: { n: bigint }[]) => p.reduce((s, x) => s + Number(x.n), 0);
  const disagreements: Disagreement[] = rows.map((r) => ({
    intent_id: r.intent_id,
    agent_id: r.agent_id,
    agent_name: r.agent_name,
    amount: Number(r.amount),
    currency: r.currency,
    decided_at: r.created_at.toISOString(),
    live: { outcome: r.outcome, rule: r.rule },
    shadow: { outcome: r.shadow_outcome, rule: r.shadow_rule, reason: r.shadow_reason },
  }));
  return {
    object: "policy_shadow" as const,
    id: shadow.id,
    running: shadow.stoppedAt === null,
    based_on_version: shadow.basedOnVersion,
    created_by: shadow.createdBy,
    started_at: shadow.createdAt.toISOString(),
    stopped_at: shadow.stoppedAt?.toISOString() ?? null,
    document: toPolicyDocument(parsePolicyDocument(shadow.document), await getOrgCurrency(db, orgId)),
    decisions: count(pairs),
    disagreements_total: count(pairs.filter((p) => p.live !== p.shadow)),
    by_outcome: pairs.map((p) => ({ live: p.live, shadow: p.shadow, count: Number(p.n) })),
    disagreements,
  };
}
export type ShadowReport = NonNullable<Awaited<ReturnType<typeof getShadowReport>>>;
