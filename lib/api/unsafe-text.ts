/**
 * Text PostgreSQL cannot store: NUL (refused in text and jsonb) and lone UTF-16 surrogates
 * (refused in jsonb, silently mangled in text). Found at the edge, they are a 400, never a
 * database error.
 */
const UNSAFE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export const hasUnsafeText = (s: string) => UNSAFE.test(s);

/** The dotted path of the first string (or object with a key) in a JSON value holding unsafe text, or null. */
export function findUnsafeText(value: unknown, path = ""): string | null {
  if (typeof value === "string") return hasUnsafeText(value) ? path || "(body)" : null;
  if (value === null || typeof value !== "object") return null;
  const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : Object.entries(value);
  for (const [k, v] of entries) {
    const at = path ? `${path}.${k}` : k;
    if (hasUnsafeText(k)) return path || "(body)"; // the object holding the key: never echo the bad text

    const found = findUnsafeText(v, at);
    if (found) return found;
  }
  return null;
}
