/** The intents list's keys a view keeps, in the order it writes them (the page's own keys minus the cursor). */
export const SAVED_VIEW_KEYS = ["q", "status", "agent", "category", "from", "to", "min", "max", "sort"] as const;

const MAX_VALUE = 200;

/**
 * A query string as a view stores it: only SAVED_VIEW_KEYS, each once, non-empty and short, in a
 * fixed order, so the same filters always give the same text (the page marks the open view by
 * comparing). Values are kept as typed: the page parses them, and ignores what does not parse,
 * exactly as for a link, so a stored view can never do more than a URL could.
 */
export function normalizeViewQuery(raw: string): string {
  const given = new URLSearchParams(raw.startsWith("?") ? raw.slice(1) : raw);
  const out = new URLSearchParams();
  for (const key of SAVED_VIEW_KEYS) {
    const value = given.get(key)?.trim();
    // "newest" is the list's own order: a link without it is the same view.
    if (key === "sort" && value === "newest") continue;
    if (value && value.length <= MAX_VALUE) out.set(key, value);
  }
  return out.toString();
}
