import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { answerApproval } from "@/lib/approvals/answer-approval";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { authenticateApiKey } from "@/lib/api-keys/authenticate-api-key";
import { listAuditEvents } from "@/lib/audit/list-audit-events";
import type { Db } from "@/lib/db/client";
import { intentFilterOptions } from "@/lib/intents/intent-filter-options";
import { submitIntent } from "@/lib/intents/submit-intent";
import { createTestDb } from "./support/test-db";
import { seedOrg } from "./support/seed";

// The list filters that were rewritten to read through indexes at a million intents still
// answer what they answered before: the audit log's target filter and the category choices.
let db: Db;
let close: () => Promise<void>;
beforeAll(async () => ({ db, close } = await createTestDb()), 120_000);
afterAll(() => close());

async function setup() {
  const s = await seedOrg(db, { admin: "admin", approver: "approver" });
  const key = await createApiKey(db, "system", { orgId: s.org.id, kind: "agent", agentId: s.agent.id });
  const agent = await authenticateApiKey(db, key.key);
  const submit = async (amount: number, merchant_category: string | undefined) =>
    (await submitIntent(db, agent, { amount, currency: "INR", reason: "test", confidence: 0.9, merchant: "Acme", merchant_category, metadata: {} }, null))
      .intent;
  return { ...s, submit };
}

describe("list filters, in process on PGlite", { timeout: 60_000 }, () => {
  it("the audit target filter finds an intent's own events and its approval's, by intent id; and events by type or id", async () => {
    const { org, people, submit } = await setup();
    const waiting = await submit(2_000_000, "cloud"); // above the auto-approve limit: a person decides
    const other = await submit(1_000, "saas");
    expect(waiting.status).toBe("pending_approval");
    await answerApproval(db, people.approver, waiting.id, { decision: "approve", comment: "ok" });
    const approvalId = waiting.approval!.id;

    const byIntent = (await listAuditEvents(db, org.id, { target: waiting.id })).data;
    expect(byIntent.map((e) => e.action).sort()).toEqual(
      ["approval.answered", "approval.approved", "approval.requested", "intent.decided", "intent.submitted"].sort(),
    );
    expect(byIntent.every((e) => e.targetId === waiting.id || e.targetId === approvalId)).toBe(true);
    expect((await listAuditEvents(db, org.id, { target: other.id })).data.map((e) => e.action).sort()).toEqual(["intent.decided", "intent.submitted"]);
    expect((await listAuditEvents(db, org.id, { target: approvalId })).data.map((e) => e.action).sort()).toEqual(
      ["approval.answered", "approval.approved", "approval.requested"].sort(),
    );
    const byType = (await listAuditEvents(db, org.id, { target: "approval" })).data;
    expect(byType.length).toBe(3);
    expect((await listAuditEvents(db, org.id, { target: "int_nothing" })).data).toEqual([]);
  });

  it("the category choices are the distinct categories in use, sorted, and only this organisation's", async () => {
    const { org, submit } = await setup();
    for (const c of ["travel", "cloud", "saas", "cloud", undefined, "travel"]) await submit(1_000, c);
    const other = await setup();
    await other.submit(1_000, "gambling");
    expect((await intentFilterOptions(db, org.id)).categories).toEqual(["cloud", "saas", "travel"]);
    expect((await intentFilterOptions(db, other.org.id)).categories).toEqual(["gambling"]);
  });
});
