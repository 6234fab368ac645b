import type { AnyReadDb } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { afterCursor, page } from "@/lib/api/keyset-cursor";
import { inTimestampRange } from "@/lib/db/timestamp-range";
import { AUDIT_ACTION_NAMES } from "./audit-actions";

export const AUDIT_FILTER_KEYS = ["action", "actor", "target", "from", "to", "cursor"] as const;
export type AuditSearchParams = Partial<Record<(typeof AUDIT_FILTER_KEYS)[number], string>>;

const DAY_MS = 86_400_000;
const isDate = (s?: string) => !!s && /^\d{4}-\d{2}-\d{2}$/.test(s) && inTimestampRange(new Date(s));
/** LIKE wildcards and the escape character itself, matched literally (PostgreSQL's default escape is \). */
export const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * Filters as a where clause, always inside the organisation. "to" includes its whole UTC day.
 * `targetApprovalId` is the approval of the intent the target filter names, if any (see targetTerms).
 */
function auditWhere(orgId: string, sp: AuditSearchParams, targetApprovalId: string | null): Prisma.AuditEventWhereInput {
  const and: Prisma.AuditEventWhereInput[] = [{ orgId }];
  if (sp.action?.trim()) and.push({ action: { startsWith: escapeLike(sp.action.trim()) } });
  if (sp.actor?.trim()) and.push({ actorLabel: { contains: escapeLike(sp.actor.trim()), mode: "insensitive" } });
  if (sp.target?.trim()) {
    const t = sp.target.trim();
    and.push({ OR: targetTerms(t, targetApprovalId) });
  }
  if (isDate(sp.from)) and.push({ createdAt: { gte: new Date(sp.from!) } });
  const end = new Date(Date.parse(sp.to ?? "") + DAY_MS);
  if (isDate(sp.to) && inTimestampRange(end)) and.push({ createdAt: { lt: end } });
  return { AND: and };
}

/**
 * A target matches events about it (by id or type) and events that carry it as `intent_id`.
 * Only approval events carry an intent_id (audit-actions.ts), and they target that intent's
 * approval, so the last term is narrowed to that approval's events: every term then has an
 * index ((org_id, target_id), (org_id, target_type, …)) instead of a JSON test on every event.
 */
function targetTerms(t: string, approvalId: string | null): Prisma.AuditEventWhereInput[] {
  const terms: Prisma.AuditEventWhereInput[] = [{ targetId: t }, { targetType: t }];
  if (approvalId) terms.push({ targetType: "approval", targetId: approvalId, data: { path: ["intent_id"], equals: t } });
  return terms;
}

async function targetApprovalId(db: AnyReadDb, orgId: string, sp: AuditSearchParams): Promise<string | null> {
  const t = sp.target?.trim();
  if (!t) return null;
  return (await db.approval.findFirst({ where: { orgId, intentId: t }, select: { id: true } }))?.id ?? null;
}

export async function listAuditEvents(db: AnyReadDb, orgId: string, sp: AuditSearchParams, limit = 50) {
  const rows = await db.auditEvent.findMany({
    where: { AND: [auditWhere(orgId, sp, await targetApprovalId(db, orgId, sp)), afterCursor(sp.cursor)] },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit + 1,
  });
  return page(rows, limit);
}
/** One row of the audit log as the dashboard shows it. */
export type AuditEventRow = Awaited<ReturnType<typeof listAuditEvents>>["data"][number];

/** Every matching event, newest first, in batches: the CSV export streams these. */
export async function* iterateAuditEvents(db: AnyReadDb, orgId: string, sp: AuditSearchParams, batch = 500) {
  let cursor: string | undefined;
  do {
    const p = await listAuditEvents(db, orgId, { ...sp, cursor }, batch);
    yield* p.data;
    cursor = p.next_cursor ?? undefined;
  } while (cursor);
}

/** The filter's choices: the closed set of actions, so the view never scans the log for them. */
export function auditActions(): readonly string[] {
  return AUDIT_ACTION_NAMES;
}
