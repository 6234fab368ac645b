// agent.ts
import { AegisClient, formatDecision } from "@aegis-os/sdk";
import { executePayment } from "./payments.js";

export async function payForNotion() {
  const aegis = new AegisClient({ apiKey: process.env.AEGIS_API_KEY });

  const intent = await aegis.intents.submit({
    agent_id: process.env.AEGIS_AGENT_ID,
    amount: 12500,
    currency: "INR",
    reason: "Monthly SaaS subscription renewal",
    confidence: 0.97,
    merchant: "Notion",
    merchant_category: "saas",
    metadata: { invoice_id: "INV-2026-0341" },
  });

  console.log(intent.id); // "int_9f3a2b..."
  console.log(intent.status); // "approved", "pending_approval", "denied" or "pending"

  if (intent.status === "approved") {
    await executePayment(intent.id);
  } else if (intent.status === "pending_approval") {
    console.log("Awaiting finance team approval");
  } else {
    throw new Error(`Spend denied: ${formatDecision(intent.policy_decision)}`);
  }
  return intent;
}
