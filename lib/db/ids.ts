import crypto from "node:crypto";

/** Public ids: a type prefix plus 24 base32 characters (unguessable; the partitioned kinds also time-ordered). */
const ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz";
/**
 * Marks a time-ordered id. It is absent from ALPHABET, so no id made before time-ordered ids
 * existed starts with it: those fall in no monthly partition's range and stay in DEFAULT.
 */
export const TIME_ORDERED_MARK = "u";
/** Creation time in ms as 9 base32 characters (45 bits: good until the year 3084). */
const TIME_CHARS = 9;
const RANDOM_CHARS = 24 - 1 - TIME_CHARS; // 14 characters, 70 random bits

function randomChars(length: number): string {
  const bytes = crypto.randomBytes(length);
  let out = "";
  for (const b of bytes) out += ALPHABET[b & 31];
  return out;
}

export function randomId(prefix: string, length = 24): string {
  return `${prefix}_${randomChars(length)}`;
}

/** The creation time as fixed-width base32 in ALPHABET order, so ids sort by time under the C collation. */
export function encodeIdTime(ms: number): string {
  if (!Number.isSafeInteger(ms) || ms < 0) throw new Error(`not a time in ms: ${ms}`);
  let out = "";
  for (let n = ms, i = 0; i < TIME_CHARS; i++, n = Math.floor(n / 32)) out = ALPHABET[n % 32] + out;
  return out;
}

/**
 * `prefix_u` + creation time + 14 random characters: the body stays 24 characters, and ids of one
 * kind sort by creation time, which is what the monthly range partitions of intents, ledger
 * entries and audit events are keyed on (prisma/migrations/*_monthly_partitions).
 */
export function timeOrderedId(prefix: string, at: Date | number = Date.now()): string {
  const ms = typeof at === "number" ? at : at.getTime();
  return `${prefix}_${TIME_ORDERED_MARK}${encodeIdTime(ms)}${randomChars(RANDOM_CHARS)}`;
}

/** The smallest id of this kind made at or after `at` (a partition bound, or the low end of a date filter's id range). */
export const idFloorAt = (prefix: string, at: Date | number) => `${prefix}_${TIME_ORDERED_MARK}${encodeIdTime(typeof at === "number" ? at : at.getTime())}`;

/** The creation time inside a time-ordered id, or null for an id made before they existed. */
export function idTime(id: string): Date | null {
  const body = id.slice(id.indexOf("_") + 1);
  if (body.length !== 24 || body[0] !== TIME_ORDERED_MARK) return null;
  let ms = 0;
  for (const c of body.slice(1, 1 + TIME_CHARS)) {
    const v = ALPHABET.indexOf(c);
    if (v < 0) return null;
    ms = ms * 32 + v;
  }
  return new Date(ms);
}

export const INTENT_ID_PREFIX = "int";
export const LEDGER_ENTRY_ID_PREFIX = "led";
export const AUDIT_EVENT_ID_PREFIX = "evt";

/** `at`: the intent's creation time when it is not now (the demo's back-dated history). */
export const newIntentId = (at?: Date | number) => timeOrderedId(INTENT_ID_PREFIX, at);
export const newLedgerEntryId = (at?: Date | number) => timeOrderedId(LEDGER_ENTRY_ID_PREFIX, at);
export const newAuditEventId = (at?: Date | number) => timeOrderedId(AUDIT_EVENT_ID_PREFIX, at);
export const newApprovalId = () => randomId("apr");
export const newId = (prefix: string) => randomId(prefix);
export const newAgentId = () => crypto.randomUUID();

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Agent ids are UUIDs; a malformed one is "not found" without asking the database (which would reject it). */
export const isUuid = (id: string | undefined): id is string => !!id && UUID.test(id);

/** Whether a string has the shape of one of our prefixed ids (random or time-ordered); anything else is simply not found. */
export const isPublicId = (prefix: string, id: string) => new RegExp(`^${prefix}_(?:[${ALPHABET}]{24}|${TIME_ORDERED_MARK}[${ALPHABET}]{23})$`).test(id);
/** Any of our id shapes (prefix_base32 or a UUID), for values that may be one of several kinds: anything else is not found, never a query. */
export const looksLikeId = (id: string) => /^[A-Za-z0-9_-]{1,64}$/.test(id);
