/**
 * RFC 8785 (JSON Canonicalization Scheme) for the JSON values an export holds: object keys sorted
 * by UTF-16 code units, no whitespace, numbers and strings as ECMAScript's JSON.stringify writes
 * them (which is what RFC 8785 prescribes). Written out here so the verifier has no dependencies;
 * the app uses the `canonicalize` package, and a test checks the two agree.
 */
export function canonicalize(value) {
  if (value === null || typeof value !== "object") {
    if (typeof value === "number" && !Number.isFinite(value)) throw new TypeError("JSON has no NaN or Infinity");
    return JSON.stringify(value);
  }
  if (typeof value.toJSON === "function") return canonicalize(value.toJSON());
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined || typeof v === "function" ? "null" : canonicalize(v))).join(",")}]`;
  const keys = Object.keys(value)
    .filter((k) => value[k] !== undefined && typeof value[k] !== "function")
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalize(value[k])}`).join(",")}}`;
}
