import { inject } from "vitest";
import { AegisClient, type AegisClientOptions } from "@aegis-os/sdk";

export { createAgent, createOrg, createUser, intentBody, setPolicy, type TestOrg } from "../../../../tests/integration/support/factories";

/** A client of the SDK under test, pointed at the test server. */
export function client(apiKey: string, options: AegisClientOptions = {}) {
  return new AegisClient({ apiKey, baseUrl: inject("baseUrl"), ...options });
}

/** Submit params typed for the SDK (the factories' body, with the SDK's field names). */
export const submitParams = (overrides: Record<string, unknown> = {}) => ({
  amount: 12_500,
  currency: "INR",
  reason: "Monthly SaaS subscription renewal",
  confidence: 0.97,
  merchant: "Notion",
  merchant_category: "saas",
  metadata: { invoice_id: "INV-2026-0341" },
  ...overrides,
});
