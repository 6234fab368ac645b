import crypto from "node:crypto";

/**
 * API keys are `aegis_sk_` + 32 random base62 characters (~190 bits). Such a key is its
 * own salt: a plain SHA-256 is the right hash (a slow password hash would only add
 * latency to every request). Only the hash and a display prefix are stored.
 */
const KEY_PREFIX = "aegis_sk_";
const BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

export function generateApiKey(): { key: string; hash: string; prefix: string } {
  let body = "";
  // Rejection sampling keeps every character equally likely.
  while (body.length < 32) {
    for (const b of crypto.randomBytes(48)) if (b < 248 && body.length < 32) body += BASE62[b % 62];
  }
  const key = KEY_PREFIX + body;
  return { key, hash: hashApiKey(key), prefix: displayPrefix(key) };
}

export function hashApiKey(key: string): string {
  return crypto.createHash("sha256").update(key).digest("hex");
}

export function displayPrefix(key: string): string {
  return key.slice(0, KEY_PREFIX.length + 6);
}

export function looksLikeApiKey(value: string): boolean {
  return /^aegis_sk_[0-9A-Za-z]{20,64}$/.test(value);
}
