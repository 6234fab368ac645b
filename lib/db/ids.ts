import crypto from "node:crypto";

/** Public ids: a type prefix plus 24 random base32 characters (sortable enough, unguessable). */
const ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz";

export function randomId(prefix: string, length = 24): string {
  const bytes = crypto.randomBytes(length);
  let out = "";
  for (const b of bytes) out += ALPHABET[b & 31];
  return `${prefix}_${out}`;
}

export const newIntentId = () => randomId("int");
export const newApprovalId = () => randomId("apr");
export const newId = (prefix: string) => randomId(prefix);
export const newAgentId = () => crypto.randomUUID();

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Agent ids are UUIDs; a malformed one is "not found" without asking the database (which would reject it). */
export const isUuid = (id: string | undefined): id is string => !!id && UUID.test(id);

/** Whether a string has the shape of one of our prefixed ids; anything else is simply not found. */
export const isPublicId = (prefix: string, id: string) => new RegExp(`^${prefix}_[${ALPHABET}]{24}$`).test(id);
/** Any of our id shapes (prefix_base32 or a UUID), for values that may be one of several kinds: anything else is not found, never a query. */
export const looksLikeId = (id: string) => /^[A-Za-z0-9_-]{1,64}$/.test(id);
