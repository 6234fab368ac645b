import Lithic from "lithic";
import { RailSignatureError } from "../rail-adapter";

/** The Standard Webhooks headers Lithic signs both ASA requests and event deliveries with. */
export const LITHIC_SIGNATURE_HEADERS = ["webhook-id", "webhook-timestamp", "webhook-signature"] as const;

/**
 * Lithic's own client, used only for `webhooks.verifySignature` (HMAC-SHA256 over id, timestamp
 * and body, five minutes' tolerance either way). It never calls Lithic's API, so it holds no real
 * API key; passing one keeps the client from reading LITHIC_API_KEY from the environment.
 */
const lithic = new Lithic({ apiKey: "verification-only", webhookSecret: null, maxRetries: 0 });

/**
 * Checks that Lithic signed this request. A connection's secret may list several secrets separated
 * by spaces: Lithic signs ASA requests with the program's ASA secret and event deliveries with the
 * event subscription's own, and a rotation keeps the old secret valid for a day. Any one verifying
 * is enough; none verifying (or a header missing, or a stale timestamp) is a RailSignatureError.
 */
export function verifyLithicRequest(rawBody: string, headers: Headers, secret: string): void {
  const missing = LITHIC_SIGNATURE_HEADERS.filter((name) => !headers.get(name));
  if (missing.length > 0) throw new RailSignatureError(`Lithic request without ${missing.join(", ")}`);
  const secrets = secret.split(/\s+/).filter(Boolean);
  let reason = "no secret is configured";
  for (const candidate of secrets) {
    try {
      lithic.webhooks.verifySignature(rawBody, headers, candidate);
      return;
    } catch (err) {
      reason = err instanceof Error ? err.message : String(err);
    }
  }
  throw new RailSignatureError(`Lithic signature rejected: ${reason}`);
}
