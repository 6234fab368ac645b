import { AegisError } from "./errors.js";

/** A webhook whose signature, timestamp or headers do not check out: answer it with a 400 and do not act on it. */
export class AegisWebhookVerificationError extends AegisError {}

export type WebhookEvent<T = Record<string, unknown>> = { type: string; timestamp: string; data: T };
export type WebhookHeaders = Headers | Record<string, string | string[] | undefined>;
export type VerifyOptions = {
  /** Seconds a delivery may be old (or early); default 300, as the Standard Webhooks libraries. */
  tolerance?: number;
  /** For tests: the current time. */
  now?: Date;
};

/**
 * Verifies a delivery per the Standard Webhooks specification and returns its parsed body.
 * Pass the raw body exactly as received (not re-serialised JSON), the request headers and
 * the endpoint's `whsec_…` secret. Uses WebCrypto (browsers, Node 19+) or node:crypto.
 */
export async function verifyWebhook<T = Record<string, unknown>>(
  secret: string,
  payload: string | Uint8Array,
  headers: WebhookHeaders,
  options: VerifyOptions = {},
): Promise<WebhookEvent<T>> {
  const id = header(headers, "webhook-id");
  const timestamp = header(headers, "webhook-timestamp");
  const signatures = header(headers, "webhook-signature");
  if (!id || !timestamp || !signatures)
    throw new AegisWebhookVerificationError("Missing webhook-id, webhook-timestamp or webhook-signature header", { code: "webhook_missing_headers" });

  const seconds = Number(timestamp);
  if (!/^\d+$/.test(timestamp)) throw new AegisWebhookVerificationError("Invalid webhook-timestamp header", { code: "webhook_invalid_timestamp" });
  const now = Math.floor((options.now ?? new Date()).getTime() / 1000);
  const tolerance = options.tolerance ?? 300;
  if (seconds < now - tolerance) throw new AegisWebhookVerificationError("Webhook timestamp is too old", { code: "webhook_timestamp_too_old" });
  if (seconds > now + tolerance) throw new AegisWebhookVerificationError("Webhook timestamp is too new", { code: "webhook_timestamp_too_new" });

  const body = typeof payload === "string" ? payload : new TextDecoder().decode(payload);
  const expected = await hmacSha256(secretKey(secret), `${id}.${timestamp}.${body}`);
  const matched = signatures.split(" ").some((entry) => {
    const [version, signature] = entry.split(",", 2);
    return version === "v1" && signature !== undefined && equalBytes(expected, decodeBase64(signature));
  });
  if (!matched) throw new AegisWebhookVerificationError("No matching webhook signature", { code: "webhook_invalid_signature" });
  try {
    return JSON.parse(body) as WebhookEvent<T>;
  } catch {
    throw new AegisWebhookVerificationError("Webhook body is not JSON", { code: "webhook_invalid_body" });
  }
}

function header(headers: WebhookHeaders, name: string): string | null {
  if (typeof (headers as Headers).get === "function") return (headers as Headers).get(name);
  const record = headers as Record<string, string | string[] | undefined>;
  const key = Object.keys(record).find((k) => k.toLowerCase() === name);
  const value = key === undefined ? undefined : record[key];
  return Array.isArray(value) ? (value[0] ?? null) : (value ?? null);
}

function secretKey(secret: string): Uint8Array {
  const key = decodeBase64(secret.startsWith("whsec_") ? secret.slice("whsec_".length) : secret);
  if (!key.length) throw new AegisWebhookVerificationError("The webhook secret is not a whsec_… base64 key", { code: "webhook_invalid_secret" });
  return key;
}

async function hmacSha256(key: Uint8Array, message: string): Promise<Uint8Array> {
  const subtle = await getSubtle();
  const cryptoKey = await subtle.importKey("raw", key as BufferSource, { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
  return new Uint8Array(await subtle.sign("HMAC", cryptoKey, new TextEncoder().encode(message)));
}

async function getSubtle(): Promise<SubtleCrypto> {
  const subtle = globalThis.crypto?.subtle;
  if (subtle) return subtle;
  // Node 18 has WebCrypto only as node:crypto's `webcrypto`; the name is a variable so bundlers for browsers leave it alone.
  const moduleName = "node:crypto";
  const nodeCrypto = (await import(/* webpackIgnore: true */ /* @vite-ignore */ moduleName)) as { webcrypto: { subtle: SubtleCrypto } };
  return nodeCrypto.webcrypto.subtle;
}

function decodeBase64(text: string): Uint8Array {
  try {
    const binary = atob(text);
    return Uint8Array.from(binary, (c) => c.charCodeAt(0));
  } catch {
    return new Uint8Array();
  }
}

/** Constant time in the length of the expected signature. */
function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a[i] ^ b[i];
  return diff === 0;
}
