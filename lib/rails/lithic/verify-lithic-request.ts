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
 * Checks that Lithic signed this request with `secret`. Lithic signs ASA requests with the
 * program's ASA secret and event deliveries with the event subscription's own: the connection
 * holds both, comma-separated, and lib/rails/handle-rail-request.ts tries each in turn. A missing
 * header, a stale timestamp or a signature that does not verify is a RailSignatureError.
 */
export function verifyLithicRequest(rawBody: string, headers: Headers, secret: string): void {
  const missing = LITHIC_SIGNATURE_HEADERS.filter((name) => !headers.get(name));
  if (missing.length > 0) throw new RailSignatureError(`Lithic request without ${missing.join(", ")}`);
  try {
    lithic.webhooks.verifySignature(rawBody, headers, secret);
  } catch (err) {
    throw new RailSignatureError(`Lithic signature rejected: ${err instanceof Error ? err.message : String(err)}`);
  }
}
