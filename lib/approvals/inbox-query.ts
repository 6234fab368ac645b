import { z } from "zod";
import { parseMajorAmount } from "@/lib/format/money";
import { RULE_NAMES } from "@/lib/policies/engine/types";

/** The inbox's orders: oldest waiting first (the default), newest first, largest amount first. */
export const INBOX_SORTS = ["oldest", "newest", "amount"] as const;

/** How long an item has waited, as the inbox's filter chip offers it. */
export const WAITING_CHIPS = { "1h": 1, "24h": 24, "48h": 48 } as const;

/** An amount typed in major units of the organisation's currency, kept in minor units. */
const amountIn = (currency: string) =>
  z
    .string()
    .optional()
    .transform((t) => (t?.trim() ? (parseMajorAmount(t, currency) ?? undefined) : undefined));

/**
 * The inbox's query string (also the live feed's): which list, order, filter chips and page.
 * Values that do not parse are dropped rather than failing the page. Amounts are read in the
 * organisation's currency (its minor-unit digits: JPY has none).
 */
const inboxQuerySchema = (currency: string) => {
  const amount = amountIn(currency);
  return z.object({
    view: z.enum(["yours", "others"]).catch("yours").default("yours"),
    sort: z.enum(INBOX_SORTS).catch("oldest").default("oldest"),
    agent: z.uuid().optional().catch(undefined),
    min: amount.catch(undefined),
    max: amount.catch(undefined),
    rule: z.enum(RULE_NAMES).optional().catch(undefined),
    waiting: z
      .enum(Object.keys(WAITING_CHIPS) as [keyof typeof WAITING_CHIPS])
      .optional()
      .catch(undefined),
    cursor: z.string().max(200).optional().catch(undefined),
    limit: z.coerce.number().int().min(1).max(50).default(20).catch(20),
  });
};
export type InboxQuery = z.output<ReturnType<typeof inboxQuerySchema>>;

const schemas = new Map<string, ReturnType<typeof inboxQuerySchema>>();

/** The query string for a search-params-like record (first value of each key); amounts in `currency`. */
export function parseInboxQuery(sp: Record<string, string | string[] | undefined>, currency: string): InboxQuery {
  const flat = Object.fromEntries(Object.entries(sp).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  let schema = schemas.get(currency);
  if (!schema) schemas.set(currency, (schema = inboxQuerySchema(currency)));
  return schema.parse(flat);
}

/** The same query written back (for links and the feed), without defaults. */
export function inboxSearch(q: Partial<Record<keyof InboxQuery, string | number | undefined>>): string {
  const s = new URLSearchParams();
  for (const [k, v] of Object.entries(q)) if (v !== undefined && v !== "" && v !== null) s.set(k, String(v));
  return s.toString();
}
