import crypto from "node:crypto";
import { Webhook } from "standardwebhooks";

/** A new signing secret in the Standard Webhooks form: `whsec_` + base64 of 24 random bytes. */
export const newWebhookSecret = () => `whsec_${crypto.randomBytes(24).toString("base64")}`;

/**
 * The Standard Webhooks headers for one delivery, signed by the `standardwebhooks` library.
 * With several secrets (a rotation's overlap window) the signature header lists one
 * signature per secret, space-separated, so receivers holding either secret verify.
 */
export function signWebhook(msg: { id: string; timestamp: Date; body: string }, secrets: string[]): Record<string, string> {
  const signatures = secrets.map((s) => new Webhook(s).sign(msg.id, msg.timestamp, msg.body));
  return {
    "webhook-id": msg.id,
    "webhook-timestamp": String(Math.floor(msg.timestamp.getTime() / 1000)),
    "webhook-signature": signatures.join(" "),
  };
}
