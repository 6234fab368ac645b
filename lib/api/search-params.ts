import { hasUnsafeText } from "./unsafe-text";

/**
 * A page's query string as plain strings: a repeated key keeps its first value, and text
 * the database cannot store (NUL, lone surrogates) is dropped and reported instead of
 * failing the page.
 */
export function cleanSearchParams<K extends string>(
  sp: Record<string, string | string[] | undefined>,
  keys: readonly K[],
): { params: Partial<Record<K, string>>; dropped: K[] } {
  const params: Partial<Record<K, string>> = {};
  const dropped: K[] = [];
  for (const key of keys) {
    const raw = Object.hasOwn(sp, key) ? sp[key] : undefined;
    const value = Array.isArray(raw) ? raw[0] : raw;
    if (typeof value !== "string" || value === "") continue;
    if (hasUnsafeText(value) || value.length > 500) dropped.push(key);
    else params[key] = value;
  }
  return { params, dropped };
}
