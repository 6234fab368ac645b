import { sql } from "kysely";
import type { DbOrTx } from "@/lib/db/client";
import { sqlFrom } from "@/lib/db/sql";

export type RecentIntent = { id: string; merchant: string | null; amount: number; currency: string; status: string; created_at: string };

/**
 * The newest `perAgent` intents of each agent, in one query: a LATERAL join walks the
 * (agent_id, created_at) index backwards and stops after `perAgent` rows per agent.
 */
export async function loadRecentIntents(db: DbOrTx, orgId: string, agentIds: string[], perAgent: number): Promise<Map<string, RecentIntent[]>> {
  const out = new Map<string, RecentIntent[]>();
  if (agentIds.length === 0) return out;
  const { rows } = await sql<{ agent_id: string; id: string; merchant: string | null; amount: number; currency: string; status: string; created_at: Date }>`
    SELECT a.id::text AS agent_id, x.id, x.merchant, x.amount, x.currency, x.status::text AS status, x.created_at
    FROM unnest(${agentIds}::uuid[]) AS a(id)
    CROSS JOIN LATERAL (
      SELECT i.id, i.merchant, i.amount, i.currency, i.status, i.created_at FROM intents i
      WHERE i.agent_id = a.id AND i.org_id = ${orgId}
      ORDER BY i.created_at DESC LIMIT ${perAgent}
    ) x`.execute(sqlFrom(db));
  for (const r of rows) {
    const list = out.get(r.agent_id) ?? [];
    list.push({
      id: r.id,
      merchant: r.merchant,
      amount: Number(r.amount),
      currency: r.currency.trim(),
      status: r.status,
      created_at: new Date(r.created_at).toISOString(),
    });
    out.set(r.agent_id, list);
  }
  for (const list of out.values()) list.sort((a, b) => b.created_at.localeCompare(a.created_at));
  return out;
}

/**
 * Which of these intents go to a merchant their agent was never approved to pay before, in
 * one query: one probe per card of intents_agent_merchant_probe_idx in each month. The
 * probe is a LATERAL … LIMIT 1, not NOT EXISTS: the planner may turn NOT EXISTS into a hash
 * anti-join that reads whole partitions when its statistics make them look small (it did in CI),
 * while a page holds at most a few dozen cards, so a probe each is always the cheap plan.
 */
export async function loadNewMerchants(
  db: DbOrTx,
  cards: { intentId: string; agentId: string; merchant: string | null; createdAt: Date }[],
): Promise<Set<string>> {
  const named = cards.filter((c) => c.merchant !== null);
  if (named.length === 0) return new Set();
  const { rows } = await sql<{ id: string }>`
    SELECT p.id FROM unnest(${named.map((c) => c.intentId)}::text[], ${named.map((c) => c.agentId)}::uuid[], ${named.map((c) => c.merchant)}::text[],
      ${named.map((c) => c.createdAt.toISOString())}::timestamptz[]) AS p(id, agent_id, merchant, created_at)
    LEFT JOIN LATERAL (
      SELECT 1 AS paid FROM intents i
      WHERE i.agent_id = p.agent_id AND i.merchant = p.merchant AND i.status = 'approved' AND i.created_at < (p.created_at AT TIME ZONE 'UTC')
      LIMIT 1
    ) before ON true
    WHERE before.paid IS NULL`.execute(sqlFrom(db));
  return new Set(rows.map((r) => r.id));
}
