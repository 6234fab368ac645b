import fc from "fast-check";

/**
 * Hostile values for the fields the API's own zod schemas declare (the OpenAPI document is
 * made from them with z.toJSONSchema, and gives the field names and types): each generated object keeps the schema's shape but puts at least
 * one field out of bounds — wrong types, NUL and lone surrogates, out-of-range numbers and
 * dates, huge strings, prototype keys, SQL and markup — so every request should be refused.
 */
const weirdText = fc.constantFrom(
  "\u0000",
  "a\u0000b",
  "\uD800",
  "x\uDFFF",
  "' OR 1=1 --",
  "'); DROP TABLE intents; --",
  "%00",
  "%",
  "_",
  "\\",
  "<script>alert(1)</script>",
  "${7*7}",
  "../../etc/passwd",
  "\r\nSet-Cookie: x=1",
  "0000-01-01",
  "-271821-04-20T00:00:00Z",
  "+275760-09-13T00:00:00Z",
  "9999-12-31T23:59:59.999+14:00",
  "NaN",
  "Infinity",
  "1e400",
  "__proto__",
  "",
  " ",
);
const weirdNumber = fc.constantFrom(-1, 0, 0.5, -0, 1e21, 2 ** 53, 2 ** 53 + 2, Number.MAX_VALUE, -Number.MAX_SAFE_INTEGER, 1e-300);

export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: weirdText },
  { weight: 2, arbitrary: weirdNumber },
  { weight: 1, arbitrary: fc.constantFrom(null, true, false, [], {}, [null], { $ne: 1 }, { __proto__: { admin: true } }) },
  { weight: 2, arbitrary: fc.string({ unit: "grapheme-composite", maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 40 }) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 3 }).map((k) => "x".repeat(k * 30_000)) },
  { weight: 1, arbitrary: fc.dictionary(fc.oneof(weirdText, fc.string({ maxLength: 70 })), fc.oneof(weirdText, weirdNumber), { maxKeys: 60 }) },
);

type JsonSchema = { type?: string | string[]; properties?: Record<string, JsonSchema>; enum?: unknown[]; format?: string };

/**
 * A value the JSON Schema (the OpenAPI document's, made from the API's zod schemas) would
 * plausibly accept for a field, so the hostile field is the one that decides the answer.
 */
export function plausible(s: JsonSchema | undefined, ids: { agentId: string }): unknown {
  if (!s) return "x";
  if (s.enum?.length) return s.enum[0];
  const type = Array.isArray(s.type) ? s.type.find((t) => t !== "null") : s.type;
  if (type === "integer" || type === "number") return 100;
  if (type === "boolean") return true;
  if (type === "array") return [];
  if (type === "object") return s.properties ? Object.fromEntries(Object.entries(s.properties).map(([k, v]) => [k, plausible(v, ids)])) : {};
  if (s.format === "uuid") return ids.agentId;
  if (s.format === "date-time") return "2026-12-01T09:00:00Z";
  return "x";
}

/** A body shaped like `valid` with one to three of `fields` made hostile, or an extra hostile field, or a hostile value instead of an object. */
export function hostileBody(fields: string[], valid: Record<string, unknown>): fc.Arbitrary<unknown> {
  if (fields.length === 0) return fc.oneof(hostileValue, fc.constant({}));
  const mutated = fc
    .uniqueArray(fc.constantFrom(...fields), { minLength: 1, maxLength: Math.min(3, fields.length) })
    .chain((keys) => fc.tuple(fc.constant(keys), fc.array(hostileValue, { minLength: keys.length, maxLength: keys.length })))
    .map(([keys, values]) => ({ ...valid, ...Object.fromEntries(keys.map((k, i) => [k, values[i]])) }));
  const extra = fc.tuple(fc.oneof(weirdText, fc.string({ minLength: 1, maxLength: 20 })), hostileValue).map(([k, v]) => ({ ...valid, [k]: v }));
  return fc.oneof({ weight: 6, arbitrary: mutated }, { weight: 1, arbitrary: extra }, { weight: 1, arbitrary: hostileValue });
}

/** Percent-encoded junk for query strings and path segments (raw bytes, invalid UTF-8, %00). */
const rawBytes = fc.uint8Array({ maxLength: 12 }).map((b) => [...b].map((x) => `%${x.toString(16).padStart(2, "0")}`).join(""));
/** Every byte percent-encoded (encodeURIComponent throws on a lone surrogate; UTF-8 turns it into U+FFFD). */
const encoded = (v: unknown) =>
  [...Buffer.from(typeof v === "string" ? v : (JSON.stringify(v) ?? ""))].map((x) => `%${x.toString(16).padStart(2, "0")}`).join("");
export const hostileSegment = fc.oneof(
  rawBytes,
  hostileValue.map(encoded),
  fc.constantFrom("%00", "%ED%A0%80", "%FF", "int_%00", "..%2F..", "-".repeat(36), "00000000-0000-0000-0000-00000000000g"),
);

/** A query string over the schema's fields (and a few it does not know), with hostile values. */
export function hostileQuery(fields: string[]): fc.Arbitrary<string> {
  const names = [...fields, "cursor", "__proto__", "x%00"];
  return fc
    .array(fc.tuple(fc.constantFrom(...names), fc.oneof(hostileSegment, fc.constant(""))), { minLength: 1, maxLength: 4 })
    .map((pairs) => pairs.map(([k, v]) => `${k}=${v}`).join("&"));
}

/** A cursor that decodes to something the database would choke on. */
export const hostileCursor = fc
  .tuple(
    fc.constantFrom("-271821-04-20T00:00:00.000Z", "0000-01-01T00:00:00.000Z", "2026-01-01T00:00:00.000Z", "garbage"),
    fc.oneof(fc.constantFrom("int_\u0000", "x|y", "\uD800", "not-a-uuid"), fc.string({ maxLength: 30 })),
  )
  .map(([at, id]) => Buffer.from(`${at}|${id}`).toString("base64url"));
