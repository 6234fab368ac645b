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
