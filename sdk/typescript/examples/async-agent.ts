// async-agent.ts: every call returns a Promise, so there is one client for all code
import { AegisClient } from "@aegis-os/sdk";

export async function runAgent() {
  const aegis = new AegisClient({ apiKey: process.env.AEGIS_API_KEY });
  const intent = await aegis.intents.submit({
    agent_id: process.env.AEGIS_AGENT_ID,
    amount: 5000,
    currency: "INR",
    reason: "Cloud compute invoice",
    confidence: 0.92,
  });
  const resolved = await aegis.intents.waitForDecision(intent.id);
  return resolved;
}
