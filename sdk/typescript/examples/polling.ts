// polling.ts
import { type AegisClient, type Intent, formatDecision } from "@aegis-os/sdk";
import { executePayment } from "./payments.js";

export async function payWhenDecided(aegis: AegisClient, intent: Intent) {
  const resolved = await aegis.intents.waitForDecision(intent.id, {
    pollInterval: 500, // default 500 ms
    timeout: 15_000, // default 15 s
  });

  if (resolved.status === "approved") {
    await executePayment(resolved.id);
  } else if (resolved.status === "denied") {
    throw new Error(`Denied by policy: ${formatDecision(resolved.policy_decision)}`);
  }
  return resolved;
}
