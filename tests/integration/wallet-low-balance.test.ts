import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { api, expectError } from "./support/http";
import { admin, createAgent, createOrg, intentBody, type TestOrg } from "./support/factories";
import { startReceiver, waitFor } from "./support/webhook-receiver";

let org: TestOrg;
let receiver: Awaited<ReturnType<typeof startReceiver>>;
beforeAll(async () => {
  org = await createOrg();
  receiver = await startReceiver();
});
afterAll(() => receiver.stop());

const setThreshold = (key: string, agentId: string, body: unknown) => api(key, "PATCH", `/api/v1/agents/${agentId}/wallet`, body);
/** Every low-balance delivery of the endpoint, from the outbox (written in the debit's transaction, so already complete). */
const lowBalanceDeliveries = async (endpointId: string) =>
  (await api(org.admin.key, "GET", `/api/v1/webhook-endpoints/${endpointId}/deliveries?limit=100`)).body.data.filter(
    (d: { event: { type: string } }) => d.event.type === "wallet.low_balance",
  );

describe("wallet low-balance threshold", () => {
  it("is set and cleared by admins through the API and the CLI, and shown on the agent", async () => {
    const agent = await createAgent(org.id, 100_000);
    const set = await setThreshold(org.admin.key, agent.id, { low_balance_threshold: 25_000 });
    expect(set.status).toBe(200);
    expect(set.body).toEqual({ currency: "INR", balance: 100_000, held: 0, available: 100_000, low_balance_threshold: 25_000 });
    expect((await api(org.admin.key, "GET", `/api/v1/agents/${agent.id}`)).body.wallet.low_balance_threshold).toBe(25_000);

    const cleared = await admin(["wallet", "threshold"], { agent: agent.id, amount: "off" });
    expect(cleared.wallet.low_balance_threshold).toBeNull();
    const viaCli = await admin(["wallet", "threshold"], { agent: agent.id, amount: "40000" });
    expect(viaCli.wallet.low_balance_threshold).toBe(40_000);

    expectError(await setThreshold(org.approver.key, agent.id, { low_balance_threshold: 1 }), 403, "forbidden");
    expectError(await setThreshold(org.viewer.key, agent.id, { low_balance_threshold: 1 }), 403, "forbidden");
    expectError(await setThreshold(agent.key, agent.id, { low_balance_threshold: 1 }), 403, "forbidden");
    const other = await createOrg();
    expectError(await setThreshold(other.admin.key, agent.id, { low_balance_threshold: 1 }), 404, "not_found");
    for (const bad of [
      { low_balance_threshold: 0 },
      { low_balance_threshold: 12.5 },
      { low_balance_threshold: "5" },
      {},
      { low_balance_threshold: 5, extra: 1 },
    ]) {
      expectError(await setThreshold(org.admin.key, agent.id, bad), 400, "validation_error");
    }
    expectError(await setThreshold(org.admin.key, agent.id, { low_balance_threshold: 5, currency: "USD" }), 404, "not_found");
    expect((await api(org.admin.key, "GET", `/api/v1/agents/${agent.id}`)).body.wallet.low_balance_threshold).toBe(40_000);
  });

  it("sends wallet.low_balance once per crossing (debit or hold), signed, and again only after funding lifts it back", async () => {
    const ep = await api(org.admin.key, "POST", "/api/v1/webhook-endpoints", { url: receiver.url, events: ["wallet.low_balance"] });
    expect(ep.status).toBe(201);
    const secret: string = ep.body.secret;
    receiver.state.secrets.push(secret);
    const agent = await createAgent(org.id, 100_000);
    expect((await setThreshold(org.admin.key, agent.id, { low_balance_threshold: 60_000 })).status).toBe(200);
    const submit = async (amount: number, extra: Record<string, unknown> = {}) => {
      const res = await api(agent.key, "POST", "/api/v1/intents", intentBody({ amount, ...extra }));
      expect(res.status).toBe(201);
      return res.body;
    };

    expect((await submit(30_000)).status).toBe("approved"); // 100,000 → 70,000: above, nothing
    expect(await lowBalanceDeliveries(ep.body.id)).toHaveLength(0);
    const held = await submit(20_000, { confidence: 0.5 }); // a person must look: the hold takes 70,000 → 50,000
    expect(held.status).toBe("pending_approval");
    expect(await lowBalanceDeliveries(ep.body.id)).toHaveLength(1);
    // Approving turns the hold into a debit: available does not move again, so no second event.
    expect((await api(org.approver.key, "POST", `/api/v1/approvals/${held.id}`, { decision: "approve" })).status).toBe(200);
    expect((await submit(10_000)).status).toBe("approved"); // 50,000 → 40,000: already below
    expect(await lowBalanceDeliveries(ep.body.id)).toHaveLength(1);

    await admin(["wallet", "fund"], { agent: agent.id, amount: 50_000 }); // 40,000 → 90,000: armed again
    const second = await submit(40_000); // 90,000 → 50,000: a new crossing
    expect(second.status).toBe("approved");
    expect(await lowBalanceDeliveries(ep.body.id)).toHaveLength(2);

    const mine = () => receiver.received.filter((r) => r.type === "wallet.low_balance" && r.data.agent.id === agent.id);
    await waitFor(() => (mine().length >= 2 ? true : undefined));
    expect(mine()).toHaveLength(2);
    for (const r of mine()) {
      expect(r.verified).toBe(true);
      // Verified again here with the library, from the raw body and headers, so a signing change cannot pass unnoticed.
      const headers = Object.fromEntries(Object.entries(r.headers).map(([k, v]) => [k, String(v)]));
      expect(new Webhook(secret).verify(r.body, headers)).toMatchObject({ type: "wallet.low_balance" });
    }
    const [first, again] = [...mine()].sort((a, b) => a.data.balance - b.data.balance).reverse();
    expect(first.data).toMatchObject({
      agent: { id: agent.id },
      currency: "INR",
      available: 50_000,
      threshold: 60_000,
      balance: 70_000,
      held: 20_000,
      intent_id: held.id,
    });
    expect(first.data.wallet_id).toMatch(/^wal_/);
    expect(again.data).toMatchObject({ available: 50_000, threshold: 60_000, balance: 50_000, held: 0, intent_id: second.id });
  });
});
