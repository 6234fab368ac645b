import { beforeAll, describe, expect, it } from "vitest";
import { api, expectError } from "../../support/http";
import { createAgent, createOrg, intentBody, setPolicy, type TestOrg } from "../../support/factories";

/**
 * Attack corpus (issue 17, item 7): replays. An Idempotency-Key promises one intent per caller
 * and body: the same key with another body is a 409; the same key from another caller never
 * hands over the first caller's intent; a replay never decides again under today's policy.
 */
let org: TestOrg;
beforeAll(async () => {
  org = await createOrg();
});

const submit = (key: string, body: object, idem: string) => api(key, "POST", "/api/v1/intents", body, { "Idempotency-Key": idem });

describe("attack corpus: replays", () => {
  it("the same key with another amount, currency, merchant or metadata is a 409 each time; the original stands", async () => {
    const first = await submit(org.agent.key, intentBody({ amount: 4_000 }), "corpus-replay-1");
    expect(first.status).toBe(201);
    for (const change of [{ amount: 4_001 }, { amount: 400_000 }, { currency: "USD" }, { merchant: "Evil Corp" }, { metadata: { invoice_id: "INV-other" } }]) {
      expectError(await submit(org.agent.key, intentBody({ amount: 4_000, ...change }), "corpus-replay-1"), 409, "idempotency_conflict");
    }
    const again = await submit(org.agent.key, intentBody({ amount: 4_000 }), "corpus-replay-1");
    expect(again.body.id).toBe(first.body.id);
  });

  it("the same key from another caller (a sibling agent, another organisation's agent, a person) never returns the first caller's intent", async () => {
    const sibling = await createAgent(org.id);
    const other = await createOrg();
    const first = await submit(org.agent.key, intentBody({ amount: 4_100 }), "corpus-replay-2");
    for (const [key, body] of [
      [sibling.key, intentBody({ amount: 4_100 })],
      [other.agent.key, intentBody({ amount: 4_100 })],
      [org.approver.key, intentBody({ amount: 4_100, agent_id: org.agent.id })],
    ] as const) {
      const res = await submit(key, body, "corpus-replay-2");
      expect(res.status).toBe(201);
      expect(res.body.id).not.toBe(first.body.id);
      expect(res.headers.get("idempotent-replayed")).not.toBe("true");
    }
    // And the other organisation still cannot read the first intent.
    expectError(await api(other.admin.key, "GET", `/api/v1/intents/${first.body.id}`), 404);
  });

  it("concurrent submits with one key and different bodies: one intent, every other answer its original or a 409", async () => {
    const results = await Promise.all(Array.from({ length: 10 }, (_, i) => submit(org.agent.key, intentBody({ amount: 5_000 + (i % 2) }), "corpus-replay-3")));
    const created = results.filter((r) => r.status === 201);
    expect(new Set(created.map((r) => r.body.id)).size).toBe(1);
    const winner = created[0]!.body;
    for (const r of results) {
      if (r.status === 201) expect(r.body.amount).toBe(winner.amount);
      else expectError(r, 409, "idempotency_conflict");
    }
  });

  it("a replay after the policy changed answers the original decision; it is not decided again", async () => {
    const agent = await createAgent(org.id);
    const first = await submit(agent.key, intentBody({ amount: 6_000, merchant_category: "travel" }), "corpus-replay-4");
    expect(first.body.status).toBe("approved");
    await setPolicy(org.id, (doc) => {
      doc.rules.category_blocklist = [...doc.rules.category_blocklist, "travel"];
    });
    const again = await submit(agent.key, intentBody({ amount: 6_000, merchant_category: "travel" }), "corpus-replay-4");
    expect(again.body).toMatchObject({ id: first.body.id, status: "approved" });
    const fresh = await submit(agent.key, intentBody({ amount: 6_000, merchant_category: "travel" }), "corpus-replay-5");
    expect(fresh.body.status).toBe("denied");
  });
});
