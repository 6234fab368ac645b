import { beforeAll, describe, expect, it } from "vitest";
import { inject } from "vitest";
import { AegisConflictError, AegisNotFoundError, AegisPermissionError, AegisValidationError, OPERATIONS } from "@aegis-os/sdk";
import { client, createAgent, createOrg, submitParams, type TestOrg } from "./support/fixtures";

let org: TestOrg;
beforeAll(async () => {
  org = await createOrg();
});

// `aegis.api`: the methods generated from the OpenAPI document, one per operation.
describe("aegis.api", () => {
  it("has every operation of the live document, with its method and path", async () => {
    const doc = await (await fetch(`${inject("baseUrl")}/api/v1/openapi.json`)).json();
    const live = Object.entries(doc.paths as Record<string, Record<string, { operationId: string }>>).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, op]) => [op.operationId, `${method.toUpperCase()} ${path}`]),
    );
    expect(live.length).toBeGreaterThan(30);
    const ours = Object.entries(OPERATIONS).map(([id, spec]) => [id, `${spec.method} ${spec.path}`]);
    expect(ours.sort()).toEqual(live.sort());
    const aegis = client(org.admin.key);
    for (const [id] of live) expect(typeof (aegis.api as unknown as Record<string, unknown>)[id], id).toBe("function");
  });

  it("reads the policy and its versions (people only: an agent key gets 403)", async () => {
    const policy = await client(org.admin.key).api.getPolicy();
    expect(policy).toMatchObject({ object: "policy", version: expect.any(Number) });
    expect(policy.document).toHaveProperty("rules.hard_limit");
    const rules = policy.document.rules as { hard_limit: number };
    const document = { ...policy.document, rules: { ...rules, hard_limit: rules.hard_limit + 100 } };
    const saved = await client(org.admin.key).api.setPolicy({ base_version: policy.version, document, reason: "SDK test: raise the hard limit" });
    // One admin: live at once, the policy (with two, the answer is a proposal waiting for the second).
    if (saved.object !== "policy") throw new Error(`expected the policy, got ${saved.object}`);
    expect(saved.version).toBe(policy.version + 1);
    expect((saved.document.rules as { hard_limit: number }).hard_limit).toBe(rules.hard_limit + 100);
    const versions = await client(org.admin.key).api.listPolicyVersions();
    expect(versions.data[0].version).toBe(saved.version);
    await expect(client(org.agent.key).api.getPolicy()).rejects.toBeInstanceOf(AegisPermissionError);
  });

  it("freezes and unfreezes the organisation and one agent (the kill switch)", async () => {
    const own = await createOrg();
    const admin = client(own.admin.key);
    const frozen = await admin.api.freezeOrganization({ reason: "incident 42" });
    expect(frozen).toMatchObject({ object: "spending_freeze", scope: "organization", frozen: true, reason: "incident 42" });
    const denied = await client(own.agent.key).intents.submit(submitParams());
    expect(denied.status).toBe("denied");
    expect(denied.policy_decision?.rule).toBe("frozen");
    expect((await admin.api.getSpendingFreeze()).frozen).toBe(true);
    expect((await admin.api.unfreezeOrganization()).frozen).toBe(false);

    expect(await admin.api.freezeAgent({ id: own.agent.id })).toMatchObject({ scope: "agent", agent_id: own.agent.id, frozen: true });
    expect((await admin.api.getSpendingFreeze()).frozen_agents.map((f) => f.agent_id)).toEqual([own.agent.id]);
    expect((await client(own.agent.key).intents.submit(submitParams())).status).toBe("denied");
    expect((await admin.api.unfreezeAgent({ id: own.agent.id })).frozen).toBe(false);
    expect((await client(own.agent.key).intents.submit(submitParams())).status).toBe("approved");
    await expect(client(own.agent.key).api.freezeOrganization()).rejects.toBeInstanceOf(AegisPermissionError);
  });

  it("sets a wallet's low-balance threshold and reads it on the agent", async () => {
    const agent = await createAgent(org.id);
    const wallet = await client(org.admin.key).api.setLowBalanceThreshold({ id: agent.id, low_balance_threshold: 500_000 });
    expect(wallet).toMatchObject({ currency: "INR", low_balance_threshold: 500_000 });
    expect((await client(org.admin.key).api.getAgent({ id: agent.id })).wallet?.low_balance_threshold).toBe(500_000);
    expect((await client(org.admin.key).api.setLowBalanceThreshold({ id: agent.id, low_balance_threshold: null })).low_balance_threshold).toBeNull();
    const other = await createOrg();
    await expect(client(other.admin.key).api.setLowBalanceThreshold({ id: agent.id, low_balance_threshold: 1 })).rejects.toBeInstanceOf(AegisNotFoundError);
  });

  it("captures and voids through the generated methods; a second settlement is a conflict", async () => {
    const agent = client(org.agent.key);
    const first = await agent.api.submitIntent(submitParams());
    const captured = await agent.api.captureIntent({ id: first.id, amount: 12_000 });
    expect(captured).toMatchObject({ settlement: "captured", captured_amount: 12_000 });
    await expect(agent.api.voidIntent({ id: first.id })).rejects.toBeInstanceOf(AegisConflictError);
    const second = await agent.api.submitIntent(submitParams());
    expect(await agent.api.voidIntent({ id: second.id, reason: "not needed" })).toMatchObject({ settlement: "voided", captured_amount: 0 });
    await expect(agent.api.captureIntent({ id: "", amount: 1 })).rejects.toBeInstanceOf(AegisValidationError);
  });

  it("sends one Idempotency-Key per submit (yours when given), so a repeat is the same intent", async () => {
    const agent = client(org.agent.key);
    const idempotencyKey = `api-${Date.now()}`;
    const a = await agent.api.submitIntent(submitParams({ amount: 777 }), { idempotencyKey });
    const b = await agent.api.submitIntent(submitParams({ amount: 777 }), { idempotencyKey });
    expect(b.id).toBe(a.id);
    const clash = await agent.api.submitIntent(submitParams({ amount: 778 }), { idempotencyKey }).catch((e) => e);
    expect(clash).toMatchObject({ code: "idempotency_conflict", idempotencyKey });
  });

  it("lists with query parameters and manages webhook endpoints", async () => {
    const admin = client(org.admin.key);
    const page = await admin.api.listIntents({ status: "approved", limit: 1 });
    expect(page).toMatchObject({ object: "list", data: [expect.objectContaining({ status: "approved" })] });
    const created = await admin.api.createWebhookEndpoint({ url: "https://hooks.example.com/aegis", events: ["intent.decided"] });
    expect(created.secret).toMatch(/^whsec_/);
    expect((await admin.api.listWebhookEndpoints()).data.map((e) => e.id)).toContain(created.id);
    const updated = await admin.api.updateWebhookEndpoint({ id: created.id, description: "finance bus" });
    expect(updated.description).toBe("finance bus");
    await admin.api.deleteWebhookEndpoint({ id: created.id });
    await expect(admin.api.getWebhookEndpoint({ id: created.id })).rejects.toBeInstanceOf(AegisNotFoundError);
  });
});
