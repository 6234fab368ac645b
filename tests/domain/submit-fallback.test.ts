import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "kysely";
import type { Db } from "@/lib/db/client";
import { sqlOf } from "@/lib/db/sql";
import { newIntentId } from "@/lib/db/ids";
import { submitIntent } from "@/lib/intents/submit-intent";
import { storePendingIntent } from "@/lib/intents/store-pending-intent";
import { createTestDb } from "./support/test-db";
import { seedOrg } from "./support/seed";

let db: Db;
let close: () => Promise<void>;
beforeAll(async () => ({ db, close } = await createTestDb()), 120_000);
afterAll(() => close());

const body = { amount: 12_500, currency: "INR", reason: "fallback test", confidence: 0.9, merchant: "Notion", merchant_category: "saas" };
const intentsOf = (agentId: string) => sqlOf(db).selectFrom("intents").select(["id", "status"]).where("agent_id", "=", agentId).execute();

/** A real fault in the database (not a stand-in): every decision's insert fails, as a broken disk or a bug would make it. */
async function withDecisionsFailing<T>(work: () => Promise<T>): Promise<T> {
  await sql`CREATE OR REPLACE FUNCTION test_fail_decision() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'injected fault'; END $$`.execute(
    sqlOf(db),
  );
  await sql`CREATE TRIGGER test_fail_decision BEFORE INSERT ON policy_decisions FOR EACH ROW EXECUTE FUNCTION test_fail_decision()`.execute(sqlOf(db));
  try {
    return await work();
  } finally {
    await sql`DROP TRIGGER test_fail_decision ON policy_decisions`.execute(sqlOf(db));
  }
}

describe("the organisation check comes before the pending fallback", { timeout: 60_000 }, () => {
  it("when deciding fails, the caller's own agent's intent is stored pending for the recovery sweep", async () => {
    const { agent, people } = await seedOrg(db, { approver: "approver" });
    const result = await withDecisionsFailing(() => submitIntent(db, people.approver, { ...body, agent_id: agent.id }, null));
    expect(result.intent).toMatchObject({ status: "pending", agent_id: agent.id });
    expect(await intentsOf(agent.id)).toEqual([{ id: result.intent.id, status: "pending" }]);
  });

  it("when deciding fails, another organisation's agent is a 404 and nothing is stored", async () => {
    const mine = await seedOrg(db, { approver: "approver" });
    const theirs = await seedOrg(db, {});
    await expect(withDecisionsFailing(() => submitIntent(db, mine.people.approver, { ...body, agent_id: theirs.agent.id }, null))).rejects.toMatchObject({
      code: "not_found",
    });
    expect(await intentsOf(theirs.agent.id)).toEqual([]);
  });

  it("the fallback's own insert refuses another organisation's agent, whatever reached it", async () => {
    const mine = await seedOrg(db, { approver: "approver" });
    const theirs = await seedOrg(db, {});
    const facts = {
      id: newIntentId(),
      orgId: mine.org.id,
      agentId: theirs.agent.id,
      apiKeyId: null,
      submittedByUserId: mine.people.approver.userId,
      amount: 12_500,
      currency: "INR",
      reason: "crossing organisations",
      confidence: null,
      merchant: null,
      merchantCategory: null,
      metadata: {},
      idempotencyKey: null,
      requestHash: "x",
      createdAt: new Date(),
    };
    await expect(storePendingIntent(db, mine.people.approver, facts)).rejects.toMatchObject({ code: "not_found" });
    expect(await intentsOf(theirs.agent.id)).toEqual([]);
    const audit = await sqlOf(db).selectFrom("audit_events").select("id").where("target_id", "=", facts.id).execute();
    expect(audit).toEqual([]);
  });
});
