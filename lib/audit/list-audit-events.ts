import type { DbOrTx } from "@/lib/db/client";
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

/** Filters as a where clause, always inside the organisation. "to" includes its whole UTC day. */
export function auditWhere(orgId: string, sp: AuditSearchParams): Prisma.AuditEventWhereInput {
  const and: Prisma.AuditEventWhereInput[] = [{ orgId }];
  if (sp.action?.trim()) and.push({ action: { startsWith: escapeLike(sp.action.trim()) } });
  if (sp.actor?.trim()) and.push({ actorLabel: { contains: escapeLike(sp.actor.trim()), mode: "insensitive" } });
  if (sp.target?.trim()) {
    const t = sp.target.trim();
    and.push({ OR: [{ targetId: t }, { targetType: t }, { data: { path: ["intent_id"], equals: t } }] });
  }
  if (isDate(sp.from)) and.push({ createdAt: { gte: new Date(sp.from!) } });
  const end = new Date(Date.parse(sp.to ?? "") + DAY_MS);
  if (isDate(sp.to) && inTimestampRange(end)) and.push({ createdAt: { lt: end } });
  return { AND: and };
}

export async function listAuditEvents(db: DbOrTx, orgId: string, sp: AuditSearchParams, limit = 50) {
  const rows = await db.auditEvent.findMany({
    where: { AND: [auditWhere(orgId, sp), afterCursor(sp.cursor)] },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit + 1,
  });
  return page(rows, limit);
}

/** Every matching event, newest first, in batches: the CSV export streams these. */
export async function* iterateAuditEvents(db: DbOrTx, orgId: string, sp: AuditSearchParams, batch = 500) {
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
