import { sql, type Expression, type ExpressionBuilder, type RawBuilder, type SqlBool, type SelectQueryBuilder } from "kysely";
import type { UserPrincipal } from "@/lib/auth/principal";
import type { AnyReadDb } from "@/lib/db/client";
import { INTENT_ID_PREFIX } from "@/lib/db/ids";
import { idRangeOfDates } from "@/lib/db/id-ranges";
import { sqlOf } from "@/lib/db/sql";
import type { DB } from "@/lib/generated/kysely/types";
import { AppError } from "@/lib/errors/app-error";
import { parseMajorAmount } from "@/lib/format/money";
import type { IntentDto } from "./intent-schemas";
import type { IntentFilters } from "./list-intents";
import { intentInclude, serializeIntent } from "./serialize-intent";

/** The intents list's orders (column sorting): by time or by amount, either way. */
export const INTENT_SORTS = ["newest", "oldest", "amount_desc", "amount_asc"] as const;
export type IntentSort = (typeof INTENT_SORTS)[number];

export type IntentsPageQuery = IntentFilters & { q?: string; sort?: IntentSort };
export type IntentsPage = { data: IntentDto[]; next_cursor: string | null };

type Q = SelectQueryBuilder<DB, "intents", { id: string; created_at: Date; amount: number }>;
type E = ExpressionBuilder<DB, "intents">;

/** Escapes LIKE's wildcards so a search for "50%" means those characters. */
const likeAll = (text: string) => `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * The dashboard's intents list: the API list's filters plus the finer states, a search by part
 * of an id, merchant, agent name or reason (trigram GIN indexes on lower(…), pg_trgm) or an
 * exact amount, and four orders, keyset-paginated on (sort key, id). The page of ids comes from
 * one statement of the typed layer (for a search, one or two per way of matching); the rows
 * are then read by primary key.
 */
export async function listIntentsPage(db: AnyReadDb, principal: UserPrincipal, f: IntentsPageQuery, currency: string): Promise<IntentsPage> {
  const sort = f.sort ?? "newest";
  let q: Q = sqlOf(db).selectFrom("intents").select(["intents.id", "intents.created_at", "intents.amount"]).where("intents.org_id", "=", principal.orgId) as Q;
  if (f.agent_id) q = q.where("intents.agent_id", "=", f.agent_id);
  if (f.status?.length) q = q.where("intents.status", "in", f.status);
  if (f.merchant_category) q = q.where("intents.merchant_category", "=", f.merchant_category);
  if (f.created_after) q = q.where("intents.created_at", ">=", new Date(f.created_after));
  if (f.created_before) q = q.where("intents.created_at", "<", new Date(f.created_before));
  const ids = idRangeOfDates(
    INTENT_ID_PREFIX,
    f.created_after ? new Date(f.created_after) : undefined,
    f.created_before ? new Date(f.created_before) : undefined,
  );
  // The same dates as an id range, so only the months they cover are read (lib/db/id-ranges.ts).
  if (ids)
    q = q.where((e) =>
      e.or([
        e("intents.id", "<", ids.oldBelow),
        e("intents.id", ">=", ids.oldFrom),
        e.and([...(ids.low ? [e("intents.id", ">=", ids.low)] : []), ...(ids.high ? [e("intents.id", "<", ids.high)] : [])]),
      ]),
    );
  if (f.min_amount !== undefined) q = q.where("intents.amount", ">=", f.min_amount);
  if (f.max_amount !== undefined) q = q.where("intents.amount", "<=", f.max_amount);
  if (f.state) q = q.where((e) => stateCondition(e, f.state!));
  if (f.cursor) q = q.where((e) => afterCursor(e, sort, f.cursor!));
  const desc = sort === "newest" || sort === "amount_desc";
  const key = sort.startsWith("amount") ? "amount" : "created_at";
  const inOrder = (b: Q) =>
    b
      .orderBy(`intents.${key}`, desc ? "desc" : "asc")
      .orderBy("intents.id", desc ? "desc" : "asc")
      .limit(f.limit + 1);
  const text = f.q?.trim();
  let rows: { id: string; created_at: Date; amount: number }[];
  if (text) {
    // Each way of matching on its own, merged here: see searchTerms.
    const agentIds = await agentsNamed(db, principal.orgId, text);
    const pages = await Promise.all(
      searchTerms(principal.orgId, text, currency, agentIds).map(async ({ term, fuzzy }) => {
        if (!fuzzy) return inOrder(q.where(term)).execute();
        // A common text is found in the first rows of the page's own order; a rare one is read
        // unordered (a bitmap of the trigram index) and sorted here; only a text in between
        // (the cap reached) walks the whole order. See FUZZY_CAP.
        const first = inOrder(q.select(["intents.merchant", "intents.reason", "intents.agent_id"]) as unknown as Q)
          .clearLimit()
          .limit(FUZZY_WALK);
        const { rows: near } = await sql<{ id: string; created_at: Date; amount: number }>`
          SELECT intents.id, intents.created_at, intents.amount FROM (${first}) AS intents WHERE ${fuzzy}
          ORDER BY intents.${sql.ref(key)} ${sql.raw(desc ? "DESC" : "ASC")}, intents.id ${sql.raw(desc ? "DESC" : "ASC")} LIMIT ${f.limit + 1}`.execute(
          sqlOf(db),
        );
        if (near.length > f.limit) return near;
        const some = await q.where(term).limit(FUZZY_CAP).execute();
        return some.length < FUZZY_CAP ? some : inOrder(q.where(term)).execute();
      }),
    );
    const byId = new Map(pages.flat().map((r) => [r.id, r]));
    const sign = desc ? -1 : 1;
    const value = (r: { created_at: Date; amount: number }) => (key === "amount" ? Number(r.amount) : new Date(r.created_at).getTime());
    // Ids compare byte by byte, as PostgreSQL's "C" collation of the id column does.
    rows = [...byId.values()].sort((a, b) => sign * (value(a) - value(b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))).slice(0, f.limit + 1);
  } else rows = await inOrder(q).execute();
  const page = rows.slice(0, f.limit);
  const last = page.at(-1);
  const full = await db.intent.findMany({ where: { id: { in: page.map((r) => r.id) } }, include: intentInclude });
  const byId = new Map(full.map((r) => [r.id, r]));
  return {
    data: page.map((r) => serializeIntent(byId.get(r.id)!)),
    next_cursor: rows.length > f.limit && last ? encodePageCursor(sort, last) : null,
  };
}

function stateCondition(e: E, state: NonNullable<IntentFilters["state"]>) {
  switch (state) {
    case "rejected":
      // A literal, as for partly captured below: the partial index intents_rejected_by_person_idx.
      return e("intents.rejected_by_person", "=", sql.lit(true));
    case "voided":
      return e.and([e("intents.status", "=", "approved"), e("intents.settlement", "=", "voided")]);
    case "captured":
      return e.and([
        e("intents.status", "=", "approved"),
        e("intents.settlement", "=", "captured"),
        e("intents.captured_amount", ">=", e.ref("intents.amount")),
      ]);
    case "partially_captured":
      // The settlement as a literal, not a parameter: a prepared statement's generic plan can then
      // still prove the partial index's predicate (intents_partly_captured_idx) and read only those rows.
      return e.and([
        e("intents.status", "=", "approved"),
        e("intents.settlement", "=", sql.lit("captured")),
        e("intents.captured_amount", "<", e.ref("intents.amount")),
      ]);
  }
}

/**
 * The shortest text the search looks for inside ids. An id's tail is random: "9999" is inside
 * about 1,700 of ten million ids, none of which anyone searching "9999" (an amount) meant, and a
 * fragment that short gives the trigram index one trigram to go on (30,000 rows to recheck). A
 * fragment copied from an id is longer; a whole id goes straight to its intent (/go).
 */
export const ID_FRAGMENT_MIN = 6;

/**
 * How many matches of a text term are read unordered before the search decides it is common.
 * The planner's guess for a LIKE on free text is poor: at ten million intents it put "9999" in
 * words of the reason at 4,212 rows (there were none), walked the time index for a page of them
 * and read all ten million rows (21 s). Reading up to this many unordered asks no guess: a rare
 * text comes back whole (a bitmap of the trigram index), a common one stops at the cap and is
 * then walked in order, which finds a page of it at once.
 */
const FUZZY_CAP = 2_000;

/** How many rows of the page's order a text term is first looked for in (a common text fills a page there). */
const FUZZY_WALK = 2_000;

/** Beyond this many agents whose name holds the text, the search names them by a subquery instead of a list. */
const LISTED_AGENTS_LIMIT = 200;

/**
 * The organisation's agents whose name holds the text, read first and passed to the search as a
 * list: inside one statement an `agent_id IN (SELECT …)` is estimated at half the intents whatever
 * it matches, so the planner walked every month's created_at index filtering row by row (4.3 s for
 * a word nothing holds at two million intents); with a list — usually empty or a handful of ids —
 * the search becomes a BitmapOr of the trigram, agent and amount indexes. Null when too many match.
 */
async function agentsNamed(db: AnyReadDb, orgId: string, text: string): Promise<string[] | null> {
  const rows = await sqlOf(db)
    .selectFrom("agents")
    .select("agents.id")
    .where("agents.org_id", "=", orgId)
    .where(sql<boolean>`lower(agents.name) LIKE ${likeAll(text)}`)
    .limit(LISTED_AGENTS_LIMIT + 1)
    .execute();
  return rows.length > LISTED_AGENTS_LIMIT ? null : rows.map((r) => r.id);
}

/**
 * The ways a search matches, each on its own: part of an id (ID_FRAGMENT_MIN characters or
 * more), merchant or reason, an agent whose name holds it (listed, or by a subquery when too many
 * do), or exactly this amount. Each is read on its own and the pages are merged, so no term's
 * cost hangs on another's estimate: as one OR, an amount search that matched 1,828 of ten million
 * intents walked the newest month's created_at index filtering 158,231 rows (693 ms) where the
 * amount index reads a handful. The exact terms (an amount, listed agents) read an ordered page
 * through their index; the `fuzzy` text terms go through FUZZY_CAP first.
 */
function searchTerms(
  orgId: string,
  text: string,
  currency: string,
  agentIds: string[] | null,
): { term: (e: E) => Expression<SqlBool>; fuzzy: RawBuilder<boolean> | null }[] {
  const pattern = likeAll(text);
  type Term = { term: (e: E) => Expression<SqlBool>; fuzzy: RawBuilder<boolean> | null };
  const fuzzy = (raw: RawBuilder<boolean>): Term => ({ term: () => raw, fuzzy: raw });
  const exact = (term: (e: E) => Expression<SqlBool>): Term => ({ term, fuzzy: null });
  const terms: Term[] = [fuzzy(sql<boolean>`lower(intents.merchant) LIKE ${pattern}`), fuzzy(sql<boolean>`lower(intents.reason) LIKE ${pattern}`)];
  if (text.length >= ID_FRAGMENT_MIN) terms.push(fuzzy(sql<boolean>`lower(intents.id) LIKE ${pattern}`));
  if (agentIds === null)
    terms.push(fuzzy(sql<boolean>`intents.agent_id IN (SELECT agents.id FROM agents WHERE agents.org_id = ${orgId} AND lower(agents.name) LIKE ${pattern})`));
  else if (agentIds.length > 0) terms.push(exact((e) => e("intents.agent_id", "in", agentIds)));
  const amount = parseMajorAmount(text, currency);
  if (amount !== null) terms.push(exact((e) => e("intents.amount", "=", amount)));
  return terms;
}

function encodePageCursor(sort: IntentSort, r: { id: string; created_at: Date; amount: number }): string {
  const key = sort.startsWith("amount") ? String(r.amount) : new Date(r.created_at).toISOString();
  return Buffer.from(`${sort}|${key}|${r.id}`).toString("base64url");
}

/** The cursor's sort key and id, or null when it is not a cursor of this order. */
function readCursor(sort: IntentSort, cursor: string): { value: number | Date; id: string } | null {
  const [s, key, id, extra] = Buffer.from(cursor, "base64url").toString().split("|");
  if (s !== sort || !id || extra !== undefined || !/^[A-Za-z0-9_-]{1,64}$/.test(id)) return null;
  if (sort.startsWith("amount")) return /^\d{1,16}$/.test(key ?? "") ? { value: Number(key), id } : null;
  const at = new Date(key ?? "");
  return Number.isNaN(at.getTime()) ? null : { value: at, id };
}

/** Strictly after the cursor's row in the page's order; a cursor of another order is refused. */
function afterCursor(e: E, sort: IntentSort, cursor: string) {
  const c = readCursor(sort, cursor);
  if (!c) throw new AppError("validation_error", "cursor is not valid", [{ field: "cursor", issue: "not a cursor of this list and order" }]);
  const col = sort.startsWith("amount") ? "intents.amount" : "intents.created_at";
  const op = sort === "newest" || sort === "amount_desc" ? "<" : ">";
  return e.or([e(col, op, c.value as never), e.and([e(col, "=", c.value as never), e("intents.id", op, c.id)])]);
}

/** For pages, which ignore a cursor they cannot read instead of failing. */
export const isPageCursor = (cursor: string, sort: IntentSort) => readCursor(sort, cursor) !== null;
