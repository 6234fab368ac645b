import type { Principal } from "@/lib/auth/principal";
import type { AnyReadDb } from "@/lib/db/client";
import { INTENT_ID_PREFIX } from "@/lib/db/ids";
import { idRangeOfDates } from "@/lib/db/id-ranges";
import { AppError } from "@/lib/errors/app-error";
import type { Prisma } from "@/lib/generated/prisma/client";
import { afterCursor, page } from "@/lib/api/keyset-cursor";
import { readScope } from "@/lib/permissions/read-scope";
import type { ListIntentsQuery } from "./intent-schemas";
import { intentInclude, serializeIntent } from "./serialize-intent";

/** The dashboard's finer states beyond the API's statuses (see lib/format/intent-state.ts). */
export type SettledState = "rejected" | "captured" | "partially_captured" | "voided";
export type IntentFilters = ListIntentsQuery & { min_amount?: number; max_amount?: number; state?: SettledState };

/** What each finer state is, as a filter: a person's rejection, or what a capture or void recorded. */
function stateWhere(db: AnyReadDb, state: SettledState): Prisma.IntentWhereInput {
  switch (state) {
    case "rejected":
      return { status: "denied", rejectedByPerson: true };
    case "voided":
      return { status: "approved", settlement: "voided" };
    case "captured":
      return { status: "approved", settlement: "captured", capturedAmount: { gte: db.intent.fields.amount } };
    case "partially_captured":
      return { status: "approved", settlement: "captured", capturedAmount: { lt: db.intent.fields.amount } };
  }
}

/** The date filter as an id range too, so only the months it covers are read (lib/db/id-ranges.ts). */
function idRangeWhere(after?: string, before?: string): Prisma.IntentWhereInput {
  const r = idRangeOfDates(INTENT_ID_PREFIX, after ? new Date(after) : undefined, before ? new Date(before) : undefined);
  if (!r) return {};
  return { OR: [{ id: { lt: r.oldBelow } }, { id: { gte: r.oldFrom } }, { id: { ...(r.low ? { gte: r.low } : {}), ...(r.high ? { lt: r.high } : {}) } }] };
}

/** Newest first, keyset-paginated. Agent keys see only their own agent's intents. */
export async function listIntents(db: AnyReadDb, principal: Principal, q: IntentFilters) {
  if (principal.kind === "agent" && q.agent_id && q.agent_id !== principal.agentId) {
    return { object: "list" as const, data: [], has_more: false, next_cursor: null };
  }
  const where: Prisma.IntentWhereInput = {
    ...(q.agent_id ? { agentId: q.agent_id } : {}),
    ...(q.status?.length ? { status: { in: q.status } } : {}),
    ...(q.merchant_category ? { merchantCategory: q.merchant_category } : {}),
    ...(q.state ? stateWhere(db, q.state) : {}),
    ...(q.created_after || q.created_before
      ? { createdAt: { ...(q.created_after ? { gte: new Date(q.created_after) } : {}), ...(q.created_before ? { lt: new Date(q.created_before) } : {}) } }
      : {}),
    ...(q.min_amount !== undefined || q.max_amount !== undefined
      ? {
          amount: {
            ...(q.min_amount !== undefined ? { gte: BigInt(q.min_amount) } : {}),
            ...(q.max_amount !== undefined ? { lte: BigInt(q.max_amount) } : {}),
          },
        }
      : {}),
  };
  if (q.created_after && q.created_before && new Date(q.created_after) > new Date(q.created_before)) {
    throw new AppError("validation_error", "created_after must be before created_before", [{ field: "created_after", issue: "after created_before" }]);
  }
  const rows = await db.intent.findMany({
    // The scope is its own AND term so no filter can widen it.
    where: { AND: [readScope.intents(principal), where, idRangeWhere(q.created_after, q.created_before), afterCursor(q.cursor)] },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: q.limit + 1,
    include: intentInclude,
  });
  const p = page(rows, q.limit);
  return { object: "list" as const, data: p.data.map(serializeIntent), has_more: p.has_more, next_cursor: p.next_cursor };
}
