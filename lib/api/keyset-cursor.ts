import { looksLikeId } from "@/lib/db/ids";
import { inTimestampRange } from "@/lib/db/timestamp-range";
import { AppError } from "@/lib/errors/app-error";

/** Opaque keyset cursor over (created_at DESC, id DESC): stable under concurrent inserts. */
export type Keyset = { createdAt: Date; id: string };

export function encodeCursor(k: Keyset): string {
  return Buffer.from(`${k.createdAt.toISOString()}|${k.id}`).toString("base64url");
}

/** `isId` narrows the id's shape for tables whose id is not text (agents: UUID). */
export function decodeCursor(cursor: string, isId: (id: string) => boolean = looksLikeId): Keyset {
  const [at, id, extra] = Buffer.from(cursor, "base64url").toString().split("|");
  const createdAt = new Date(at ?? "");
  if (!id || extra !== undefined || !isId(id) || !inTimestampRange(createdAt)) {
    throw new AppError("validation_error", "cursor is not valid", [{ field: "cursor", issue: "not a cursor returned by this API" }]);
  }
  return { createdAt, id };
}

/** For pages, which ignore a bad cursor instead of failing. */
export function isValidCursor(cursor: string, isId?: (id: string) => boolean): boolean {
  try {
    decodeCursor(cursor, isId);
    return true;
  } catch {
    return false;
  }
}

/** Prisma where-clause for "strictly after the cursor" in newest-first order. */
export function afterCursor(cursor: string | undefined, isId?: (id: string) => boolean) {
  if (!cursor) return {};
  const k = decodeCursor(cursor, isId);
  return { OR: [{ createdAt: { lt: k.createdAt } }, { createdAt: k.createdAt, id: { lt: k.id } }] };
}

/** The same for oldest-first order (the approval inbox). */
export function afterCursorAscending(cursor: string | undefined) {
  if (!cursor) return {};
  const k = decodeCursor(cursor);
  return { OR: [{ createdAt: { gt: k.createdAt } }, { createdAt: k.createdAt, id: { gt: k.id } }] };
}

/** Fetches limit+1 rows to learn has_more without a count. */
export function page<T extends Keyset>(rows: T[], limit: number) {
  const data = rows.slice(0, limit);
  const hasMore = rows.length > limit;
  return { data, has_more: hasMore, next_cursor: hasMore ? encodeCursor(data[data.length - 1]) : null };
}
