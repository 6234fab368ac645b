import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { inProcessPostgres } from "./support/database";
import { makeWorld } from "./support/counter-workload";
import { sqlTransaction } from "@/lib/db/sql";
import { lockAgent } from "@/lib/intents/lock-decision-inputs";
import { settleApprovedIntent } from "@/lib/intents/settle-approved-intent";
import { submitIntent } from "@/lib/intents/submit-intent";

// A settlement and a decision of one agent take their locks in one order: the agent first. A
// decision writes the agent's day counters and then inserts its intent, whose awaiting-settlement
// trigger writes last; a settlement that updated its intent first (the trigger's counter row) and
// then wanted the day counters deadlocked with it (40P01, seen in CI's random races). Here the
// decision's order is held open by hand while the settlement starts.
const { onPostgres, db: client } = inProcessPostgres();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.runIf(onPostgres)("a settlement and a decision of one agent", () => {
  it("queue on the agent instead of deadlocking on the counters", async () => {
    const db = client();
    const world = await makeWorld(db, "UTC", 1);
    const agent = world.agents[0];
    const input = { amount: 10_000, currency: "INR", reason: "lock order", confidence: 0.9, merchant: "Acme", merchant_category: "saas", metadata: {} };
    const { intent } = await submitIntent(db, agent, input, null);
    expect(intent.status).toBe("approved");

    let settlementDone = false;
    const decision = sqlTransaction(db, async (tx) => {
      // What writeDecision does, in its order: the agent, its day counters, then the awaiting counters.
      await lockAgent(tx, world.orgId, agent.agentId);
      await sql`UPDATE agent_day_counters SET approved = approved WHERE agent_id = ${agent.agentId}::uuid`.execute(tx);
      await sleep(500); // the settlement starts meanwhile
      expect(settlementDone).toBe(false); // it waits for the agent
      await sql`UPDATE awaiting_settlement_counters SET count = count WHERE agent_id = ${agent.agentId}::uuid`.execute(tx);
    });
    await sleep(100);
    const settlement = sqlTransaction(db, (tx) => settleApprovedIntent(tx, intent.id, { kind: "void" }, "system")).then((s) => {
      settlementDone = true;
      return s;
    });
    await expect(decision).resolves.toBeUndefined();
    await expect(settlement).resolves.toMatchObject({ intentId: intent.id, kind: "void", returned: 10_000 });
  }, 60_000);
});
