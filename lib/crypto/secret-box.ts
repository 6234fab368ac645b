import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { dataDir } from "@/lib/db/config";
import { env } from "@/lib/env";

/**
 * Secrets we must be able to read back (webhook signing secrets, a rail's webhook secret,
 * audit signing keys) are stored sealed with AES-256-GCM, never in the clear: a database dump
 * or a read replica leaks nothing usable.
 *
 * The keys come from `AEGIS_SECRET_KEY`: one or more comma-separated 32-byte keys (base64 or
 * hex). The first seals; every one opens, so a rotation is "put the new key first, keep the
 * old one after it, run `npm run aegis -- secrets reseal`, then drop the old one". Without
 * the variable, one key is generated into the data folder (`secret-key`, mode 0600), which
 * suits one embedded instance; several instances on one PostgreSQL must share the variable.
 *
 * A sealed value reads `aes256gcm:v1:<key id>:<iv>:<tag>:<ciphertext>` (base64url), the key
 * id being the first 8 hex digits of the key's SHA-256, so opening picks the right key and a
 * value sealed under an unknown key fails with a message that names the id.
 */

const PREFIX = "aes256gcm:v1";

export type SecretKey = { id: string; key: Buffer };

export class SecretKeyError extends Error {
  override name = "SecretKeyError";
}

export function parseSecretKeys(raw: string): SecretKey[] {
  const keys = raw
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean)
    .map(decodeKey);
  if (keys.length === 0) throw new SecretKeyError("AEGIS_SECRET_KEY holds no key");
  return keys;
}

function decodeKey(text: string): SecretKey {
  const key = /^[0-9a-f]{64}$/i.test(text) ? Buffer.from(text, "hex") : Buffer.from(text, "base64");
  if (key.length !== 32) throw new SecretKeyError("each AEGIS_SECRET_KEY entry must be 32 bytes, as 64 hex digits or base64");
  return { id: keyId(key), key };
}

export function keyId(key: Buffer): string {
  return crypto.createHash("sha256").update(key).digest("hex").slice(0, 8);
}

/** A new random key, as `AEGIS_SECRET_KEY` takes it (base64). */
export function generateSecretKey(): string {
  return crypto.randomBytes(32).toString("base64");
}

const cache: { raw?: string; dir?: string; keys?: SecretKey[] } = {};

/** The keys in use: the first seals, all open. */
export function secretKeys(): SecretKey[] {
  const raw = env().AEGIS_SECRET_KEY;
  const dir = raw ? undefined : dataDir();
  if (cache.keys && cache.raw === raw && cache.dir === dir) return cache.keys;
  const keys = raw ? parseSecretKeys(raw) : [decodeKey(readOrCreateKeyFile(dir!))];
  Object.assign(cache, { raw, dir, keys });
  return keys;
}

function readOrCreateKeyFile(dir: string): string {
  const file = path.join(/*turbopackIgnore: true*/ dir, "secret-key");
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  try {
    // `wx`: two processes starting together cannot both write a key; the loser reads the winner's.
    fs.writeFileSync(file, generateSecretKey(), { mode: 0o600, flag: "wx" });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
  }
  return fs.readFileSync(file, "utf8").trim();
}

export function sealSecret(plain: string, keys: SecretKey[] = secretKeys()): string {
  const { id, key } = keys[0];
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv("aes-256-gcm", key, iv);
  const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return [PREFIX, id, iv.toString("base64url"), cipher.getAuthTag().toString("base64url"), body.toString("base64url")].join(":");
}

export function isSealed(value: string): boolean {
  return value.startsWith(`${PREFIX}:`);
}

export function openSecret(sealed: string, keys: SecretKey[] = secretKeys()): string {
  const parts = sealed.split(":");
  if (parts.length !== 6 || `${parts[0]}:${parts[1]}` !== PREFIX) throw new SecretKeyError("not a sealed secret");
  const [, , id, iv, tag, body] = parts;
  const found = keys.find((k) => k.id === id);
  if (!found) throw new SecretKeyError(`sealed under key ${id}, which AEGIS_SECRET_KEY does not hold`);
  const decipher = crypto.createDecipheriv("aes-256-gcm", found.key, Buffer.from(iv, "base64url"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  try {
    return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    throw new SecretKeyError(`a secret sealed under key ${id} failed its integrity check`);
  }
}

/** Whether a sealed value should be sealed again under the current first key (rotation). */
export function needsReseal(sealed: string, keys: SecretKey[] = secretKeys()): boolean {
  return !isSealed(sealed) || sealed.split(":")[2] !== keys[0].id;
}
