import { beforeAll, describe, expect, it } from "vitest";
import { AegisConflictError, AegisTimeoutError, Paginator, formatDecision } from "@aegis-os/sdk";
import { client, createAgent, createOrg, submitParams, type TestOrg } from "./support/fixtures";

let org: TestOrg;
beforeAll(async () => {
  org = await createOrg();
});

describe("intents", () => {
  it("submit answers the decided intent; get reads it back", async () => {
    const aegis = client(org.agent.key);
    const intent = await aegis.intents.submit(submitParams());
    expect(intent).toMatchObject({
      object: "intent",
      status: "approved",
      amount: 12_500,
      currency: "INR",
      agent_id: org.agent.id,
      metadata: { invoice_id: "INV-2026-0341" },
    });
    expect(formatDecision(intent.policy_decision)).toMatch(/^approved by rule /);
    expect(await aegis.intents.get(intent.id)).toEqual(intent);
    const denied = await aegis.intents.submit(submitParams({ amount: 20_000_000 }));
    expect(formatDecision(denied.policy_decision)).toMatch(/^denied by rule hard_limit: /);
  });

  it("the same idempotency key returns the original intent; another body is a conflict", async () => {
    const aegis = client(org.agent.key);
    const idempotencyKey = `sdk-ts-${Date.now()}`;
    const first = await aegis.intents.submit(submitParams({ amount: 321 }), { idempotencyKey });
    expect((await aegis.intents.submit(submitParams({ amount: 321 }), { idempotencyKey })).id).toBe(first.id);
    const clash = await aegis.intents.submit(submitParams({ amount: 322 }), { idempotencyKey }).catch((e) => e);
    expect(clash).toBeInstanceOf(AegisConflictError);
    expect(clash).toMatchObject({ code: "idempotency_conflict", idempotencyKey });
  });

  it("list iterates every page with for await, newest first, with filters and a limit", async () => {
    const agent = await createAgent(org.id);
    const aegis = client(agent.key);
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push((await aegis.intents.submit(submitParams({ amount: 100 + i, reason: `page test ${i}` }))).id);
    const pages: number[] = [];
    const list = aegis.intents.list({ status: ["approved"], pageSize: 2 });
    expect(list).toBeInstanceOf(Paginator);
    for await (const page of list.pages()) pages.push(page.data.length);
    expect(pages).toEqual([2, 2, 1]);
    const seen: string[] = [];
    for await (const intent of aegis.intents.list({ pageSize: 2 })) seen.push(intent.id);
    expect(seen).toEqual([...ids].reverse());
    expect((await aegis.intents.list({ limit: 3, pageSize: 2 }).toArray()).map((i) => i.id)).toEqual([...ids].reverse().slice(0, 3));
    expect(await aegis.intents.list({ status: "denied" }).toArray()).toEqual([]);
    expect(await aegis.intents.list({ created_after: new Date(Date.now() + 60_000) }).toArray()).toEqual([]);
    const first = await aegis.intents.list({ pageSize: 4 }).firstPage();
    expect(first).toMatchObject({ object: "list", has_more: true });
    expect(first.data).toHaveLength(4);
  });

  it("waitForDecision long-polls until a person answers", async () => {
    const agent = await createAgent(org.id, 20_000_000);
    const aegis = client(agent.key);
    const intent = await aegis.intents.submit(submitParams({ amount: 2_000_000 }));
    expect(intent.status).toBe("pending_approval");
    const t0 = Date.now();
    setTimeout(() => void client(org.approver.key).approvals.respond(intent.approval!.id, "approve", { comment: "ok" }), 1_000);
    const resolved = await aegis.intents.waitForDecision(intent, { timeout: 20_000 });
    expect(resolved.status).toBe("approved");
    expect(Date.now() - t0).toBeGreaterThanOrEqual(900);
    expect(Date.now() - t0).toBeLessThan(10_000);
  });

  it("waitForDecision throws AegisTimeoutError with the last state when time runs out", async () => {
    const aegis = client(org.agent.key);
    const intent = await aegis.intents.submit(submitParams({ amount: 2_000_000 }));
    const err = await aegis.intents.waitForDecision(intent.id, { timeout: 1_200 }).catch((e) => e);
    expect(err).toBeInstanceOf(AegisTimeoutError);
    expect(err.code).toBe("decision_timeout");
    expect(err.intent).toMatchObject({ id: intent.id, status: "pending_approval" });
  });

  it("capture settles an approved intent; a second capture or a void is a conflict", async () => {
    const agent = await createAgent(org.id, 1_000_000);
    const aegis = client(agent.key);
    const intent = await aegis.intents.submit(submitParams({ amount: 10_000 }));
    const captured = await aegis.intents.capture(intent.id, 7_500);
    expect(captured).toMatchObject({ id: intent.id, settlement: "captured", captured_amount: 7_500 });
    await expect(aegis.intents.capture(intent.id, 100)).rejects.toBeInstanceOf(AegisConflictError);
    await expect(aegis.intents.void(intent.id)).rejects.toMatchObject({ statusCode: 409 });
    expect((await aegis.agents.get(agent.id)).wallet).toMatchObject({ balance: 1_000_000 - 7_500, held: 0 });

    const other = await aegis.intents.submit(submitParams({ amount: 5_000 }));
    expect(await aegis.intents.void(other.id, { reason: "cancelled" })).toMatchObject({ settlement: "voided", captured_amount: 0 });
  });
});

describe("approvals and agents", () => {
  it("a person lists what waits for them and answers it", async () => {
    const agent = await createAgent(org.id, 20_000_000);
    const intent = await client(agent.key).intents.submit(submitParams({ amount: 2_500_000 }));
    const approver = client(org.approver.key);
    const pending = await approver.approvals.list().toArray();
    const item = pending.find((a) => a.intent_id === intent.id);
    expect(item).toMatchObject({ object: "approval", status: "pending", intent: { id: intent.id }, agent: { id: agent.id } });
    const answered = await approver.approvals.respond(item!.id, "denied", { comment: "not this month" });
    expect(answered).toMatchObject({ status: "rejected", responses: [{ decision: "reject", comment: "not this month" }], intent: { status: "denied" } });
  });

  it("agents.list and agents.get; an agent key sees only itself", async () => {
    const admin = client(org.admin.key);
    const all = await admin.agents.list({ pageSize: 1 }).toArray();
    expect(all.length).toBeGreaterThanOrEqual(2);
    expect(all.map((a) => a.id)).toContain(org.agent.id);
    const mine = await client(org.agent.key).agents.list().toArray();
    expect(mine.map((a) => a.id)).toEqual([org.agent.id]);
    const agent = await admin.agents.get(org.agent.id);
    expect(agent).toMatchObject({ object: "agent", id: org.agent.id, wallet: { currency: "INR" } });
    expect(["low", "medium", "high", "critical"]).toContain(agent.risk_level);
  });
});
