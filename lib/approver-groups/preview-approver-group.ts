import type { UserPrincipal } from "@/lib/auth/principal";
import type { DbOrTx } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { assertCan } from "@/lib/permissions/can";
import type { CreateApproverGroupInput } from "./approver-group-schemas";

export const PREVIEW_DAYS = 7;
const SHOWN = 20;
const COUNT_CAP = 500;

type Filters = Pick<CreateApproverGroupInput, "agent_ids" | "merchant_categories" | "currency" | "min_amount" | "max_amount">;
export type GroupPreviewItem = {
  approval_id: string;
  intent_id: string;
  status: string;
  created_at: string;
  amount: number;
  currency: string;
  merchant: string | null;
  agent_name: string;
  /** The group it went to when it opened (null: anyone with the role). */
  routed_to: string | null;
};

/**
 * Which approvals a group with these filters would catch: those waiting now and those opened in
 * the last PREVIEW_DAYS days (the same match routeApproval makes, ignoring priority), so an admin
 * sees what they take from everyone else before saving. Counts stop at 500.
 */
export async function previewApproverGroup(db: DbOrTx, principal: UserPrincipal, f: Filters, now = new Date()) {
  assertCan(principal, "approver_group.manage", { orgId: principal.orgId });
  const since = new Date(now.getTime() - PREVIEW_DAYS * 86_400_000);
  const filters = Prisma.sql`
    (${f.agent_ids.length === 0} OR i.agent_id::text = ANY (${f.agent_ids}::text[]))
    AND (${f.merchant_categories.length === 0} OR i.merchant_category = ANY (${f.merchant_categories}::text[]))
    AND (${f.currency}::text IS NULL OR i.currency = ${f.currency})
    AND (${f.min_amount}::bigint IS NULL OR i.amount >= ${f.min_amount}::bigint)
    AND (${f.max_amount}::bigint IS NULL OR i.amount <= ${f.max_amount}::bigint)`;
  // Two index walks, (org_id, status, created_at) and (org_id, created_at), newest first, each stopping at its limit: the
  // approvals waiting now, and the others opened in the window. One OR over both made PostgreSQL
  // read every approval and every intent of the organisation. Each approval's intent is read by its
  // key (OFFSET 0 keeps PostgreSQL from turning that into a scan of the intents to hash).
  const waitingNow = Prisma.sql`a.org_id = ${principal.orgId} AND a.status = 'pending' AND a.expires_at > ${now}`;
  const openedLately = Prisma.sql`a.org_id = ${principal.orgId} AND a.created_at >= ${since} AND NOT (a.status = 'pending' AND a.expires_at > ${now})`;
  const pick = (where: Prisma.Sql, limit: number) => Prisma.sql`(
    SELECT a.id AS approval_id, a.intent_id, a.status::text AS status, a.created_at, i.amount, i.currency, i.merchant, i.agent_id, a.group_id
    FROM approvals a CROSS JOIN LATERAL (SELECT * FROM intents i WHERE i.id = a.intent_id AND ${filters} OFFSET 0) i
    WHERE ${where}
    ORDER BY a.created_at DESC LIMIT ${limit})`;
  const [rows, counts] = await Promise.all([
    db.$queryRaw<
      {
        approval_id: string;
        intent_id: string;
        status: string;
        created_at: Date;
        amount: bigint;
        currency: string;
        merchant: string | null;
        agent_name: string;
        routed_to: string | null;
      }[]
    >`
      SELECT m.approval_id, m.intent_id, m.status, m.created_at, m.amount, m.currency, m.merchant, ag.name AS agent_name, g.name AS routed_to
      FROM (${pick(waitingNow, SHOWN)} UNION ALL ${pick(openedLately, SHOWN)}) m
      JOIN agents ag ON ag.id = m.agent_id LEFT JOIN approver_groups g ON g.id = m.group_id
      ORDER BY (m.status = 'pending') DESC, m.created_at DESC LIMIT ${SHOWN}`,
    db.$queryRaw<{ waiting: bigint; recent: bigint }[]>`
      SELECT (SELECT count(*) FROM ${pick(waitingNow, COUNT_CAP)} w) AS waiting,
        (SELECT count(*) FROM ${pick(openedLately, COUNT_CAP)} r) AS recent`,
  ]);
  const waiting = Number(counts[0]?.waiting ?? 0);
  const total = Math.min(COUNT_CAP, waiting + Number(counts[0]?.recent ?? 0));
  return {
    days: PREVIEW_DAYS,
    waiting,
    total,
    capped: total >= COUNT_CAP,
    items: rows.map((r): GroupPreviewItem => ({
      ...r,
      created_at: new Date(r.created_at).toISOString(),
      amount: Number(r.amount),
      currency: r.currency.trim(),
    })),
  };
}
