import type { UserPrincipal } from "@/lib/auth/principal";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import type { Prisma } from "@/lib/generated/prisma/client";
import { afterCursor, afterCursorAscending, encodeCursor } from "@/lib/api/keyset-cursor";
import { sumAwaitingDecision } from "./sum-awaiting-decision";
import { getOrgPolicy } from "@/lib/policies/get-org-policy";
import { answerableApprovalsWhere } from "@/lib/permissions/answerable-approvals-where";
import { loadAnswerRights } from "@/lib/approver-groups/load-answer-rights";
import { WAITING_CHIPS, type InboxQuery } from "./inbox-query";
import { buildInboxItems, inboxInclude, type InboxItem } from "./inbox-items";
import { loadAnsweredOpenApprovalIds } from "./answered-open-approvals";

export type InboxPage = {
  items: InboxItem[];
  next_cursor: string | null;
  /** Open items this person may answer, and open items only others can answer (capped at COUNT_CAP). */
  counts: { yours: number; others: number; capped: boolean };
  /** Money held for every open approval of the organisation, per currency (the inbox's sticky total). */
  awaiting: { currency: string; amount: number }[];
  time_zone: string;
  /** When this page was read: items created later are new to whoever opened the inbox then. */
  generated_at: string;
};

const ORDER: Record<InboxQuery["sort"], Prisma.ApprovalOrderByWithRelationInput[]> = {
  oldest: [{ createdAt: "asc" }, { id: "asc" }],
  newest: [{ createdAt: "desc" }, { id: "desc" }],
  amount: [{ amount: "desc" }, { id: "asc" }],
};

/** Counting stops here: the inbox says "500+" instead of counting every pending row. */
export const COUNT_CAP = 500;

/**
 * What this person may answer among the open approvals (the "approval.answer" rule as a query,
 * with their approver groups and the open approvals they already answered); a viewer nothing.
 */
async function answerableOpenWhere(db: Db, p: UserPrincipal, now: Date): Promise<{ mine: Prisma.ApprovalWhereInput; groupIds: ReadonlySet<string> }> {
  if (p.role === "viewer") return { mine: { id: { in: [] } }, groupIds: new Set() };
  const [{ groupIds }, answered] = await Promise.all([loadAnswerRights(db, p.orgId, p.userId, now), loadAnsweredOpenApprovalIds(db, p.orgId, p.userId)]);
  return { mine: answerableApprovalsWhere(p, [...groupIds], answered), groupIds };
}

/** Open = pending and not past its expiry (the sweep may not have closed it yet). */
const openWhere = (orgId: string, now: Date): Prisma.ApprovalWhereInput => ({ orgId, status: "pending", expiresAt: { gt: now } });

/**
 * One page of the inbox. "yours" holds what this person may answer (the rules of
 * respondToApproval, as a filter); "others" what waits for someone else (an admin, a second
 * approver) — a viewer's whole inbox. Keyset-paginated, so a page costs the same at 10,000
 * open approvals; the context on each card is loaded for the page in a fixed number of queries.
 */
export async function loadInbox(db: Db, principal: UserPrincipal, q: InboxQuery, now = new Date()): Promise<InboxPage> {
  const open = openWhere(principal.orgId, now);
  const { mine, groupIds } = await answerableOpenWhere(db, principal, now);
  const view = principal.role === "viewer" ? "others" : q.view;
  const filters: Prisma.ApprovalWhereInput[] = [open, view === "yours" ? mine : { NOT: mine }];
  // Through the intent's status too: the agent's (or rule's) waiting intents are a handful, where
  // its whole history is thousands, each probed against every open approval's intent otherwise.
  if (q.agent) filters.push({ intent: { agentId: q.agent, status: "pending_approval" } });
  if (q.min !== undefined || q.max !== undefined)
    filters.push({ amount: { ...(q.min !== undefined ? { gte: BigInt(q.min) } : {}), ...(q.max !== undefined ? { lte: BigInt(q.max) } : {}) } });
  if (q.rule) filters.push({ intent: { status: "pending_approval", decision: { rule: q.rule } } });
  if (q.waiting) filters.push({ createdAt: { lte: new Date(now.getTime() - WAITING_CHIPS[q.waiting] * 3_600_000) } });
  if (q.cursor) filters.push(q.sort === "amount" ? afterAmountCursor(q.cursor) : q.sort === "newest" ? afterCursor(q.cursor) : afterCursorAscending(q.cursor));

  const [rows, yours, others, org, { policy }, awaiting] = await Promise.all([
    db.approval.findMany({
      where: { AND: filters },
      include: inboxInclude,
      orderBy: ORDER[q.sort],
      take: q.limit + 1,
    }),
    cappedCount(db, principal.orgId, now, mine),
    cappedCount(db, principal.orgId, now, { NOT: mine }),
    db.organization.findUniqueOrThrow({ where: { id: principal.orgId }, select: { timeZone: true, currency: true } }),
    getOrgPolicy(db, principal.orgId),
    sumAwaitingDecision(db, principal.orgId),
  ]);
  const more = rows.length > q.limit;
  const pageRows = rows.slice(0, q.limit);
  const last = pageRows[pageRows.length - 1];
  const next = !more || !last ? null : q.sort === "amount" ? encodeAmountCursor(Number(last.amount), last.id) : encodeCursor(last);
  return {
    items: await buildInboxItems(db, principal, pageRows, policy, org, groupIds, now),
    next_cursor: next,
    counts: { yours: principal.role === "viewer" ? 0 : yours, others, capped: yours >= COUNT_CAP || others >= COUNT_CAP },
    awaiting,
    time_zone: org.timeZone,
    generated_at: now.toISOString(),
  };
}

/**
 * How many open approvals of the organisation match `where`, reading at most COUNT_CAP of them
 * (plus any past their expiry that the sweep has not closed yet). Counted as pending ones in the
 * order of the (org_id, status, created_at) index, less the expired-but-open ones, which are few:
 * "pending and not yet expired" in one condition is two correlated columns the planner multiplies
 * (489 rows estimated of 10,008 at ten million intents), so it read every open approval, with a
 * probe of its answers each, and sorted them (400 ms a count) instead of stopping at the cap.
 */
async function cappedCount(db: Db, orgId: string, now: Date, where: Prisma.ApprovalWhereInput): Promise<number> {
  const pending: Prisma.ApprovalWhereInput = { orgId, status: "pending" };
  const expired = await db.approval.count({ where: { AND: [pending, { expiresAt: { lte: now } }, where] } });
  const n = await db.approval.count({ where: { AND: [pending, where] }, take: COUNT_CAP + expired, orderBy: { createdAt: "asc" } });
  return Math.min(COUNT_CAP, n - expired);
}

/**
 * The navigation badge and tab title (on every page, and polled every few seconds): the open
 * approvals this person may answer, or for a viewer every open one. Only that number is counted
 * (the other is 0; the inbox page counts both): "waiting on others" for someone who may answer
 * nearly everything reads every open approval to find its few, a probe of their answers each.
 */
export async function countInbox(db: Db, principal: UserPrincipal, now = new Date()): Promise<{ yours: number; others: number }> {
  if (principal.role === "viewer") return { yours: 0, others: await cappedCount(db, principal.orgId, now, {}) };
  const { mine } = await answerableOpenWhere(db, principal, now);
  return { yours: await cappedCount(db, principal.orgId, now, mine), others: 0 };
}

function encodeAmountCursor(amount: number, id: string): string {
  return Buffer.from(`${amount}|${id}`).toString("base64url");
}

/** Largest-first order: strictly after (amount, id) of the last row. */
function afterAmountCursor(cursor: string): Prisma.ApprovalWhereInput {
  const [amount, id] = Buffer.from(cursor, "base64url").toString().split("|");
  if (!id || !/^\d+$/.test(amount ?? ""))
    throw new AppError("validation_error", "cursor is not valid", [{ field: "cursor", issue: "not a cursor for this order" }]);
  const a = BigInt(amount);
  return { OR: [{ amount: { lt: a } }, { amount: a, id: { gt: id } }] };
}
