/**
 * A server action's arguments sent as one text/plain body are React's reply encoding of
 * JSON: a string starting with "$" is a tag ("$$…" an escaped "$", "$undefined", "$D…" a
 * date, "$n…" a BigInt). Any other tag ("$1", "$@1", "$K1", "$Q1", "$h1"…) refers to another
 * part of a multipart body; in a single text body that part never arrives and Next.js fails
 * the request with a bare 500 ("Connection closed"). The browser never sends those, so such
 * a body is refused before Next.js decodes it. Keys are never tags; only values are checked.
 */
const SELF_CONTAINED = /^\$(\$|undefined$|NaN$|Infinity$|-Infinity$|-0$|D|n-?\d+$)/;

export function isSelfContainedReply(value: unknown): boolean {
  if (typeof value === "string") return !value.startsWith("$") || SELF_CONTAINED.test(value);
  if (value === null || typeof value !== "object") return true;
  return (Array.isArray(value) ? value : Object.values(value)).every(isSelfContainedReply);
}
