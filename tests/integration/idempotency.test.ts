import { beforeAll, describe, expect, it } from "vitest";
import { api, expectError } from "./support/http";
import { createOrg, intentBody, type TestOrg } from "./support/factories";

let org: TestOrg;
beforeAll(async () => {
  org = await createOrg();
});

const submit = (key: string, body: object, idem: string) => api(key, "POST", "/api/v1/intents", body, { "Idempotency-Key": idem });
const listCount = async () => (await api(org.admin.key, "GET", `/api/v1/intents?agent_id=${org.agent.id}&limit=100`)).body.data.length;

describe("Idempotency-Key", () => {
  it("the same key with the same body returns the original intent, once", async () => {
    const before = await listCount();
    const first = await submit(org.agent.key, intentBody(), "idem-same-1");
    const again = await submit(org.agent.key, intentBody(), "idem-same-1");
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(again.body.id).toBe(first.body.id);
    expect(again.body.status).toBe(first.body.status);
    expect(await listCount()).toBe(before + 1);
  });

  it("the same key with a different body is a 409 and creates nothing", async () => {
    await submit(org.agent.key, intentBody({ amount: 100 }), "idem-diff-1");
    const before = await listCount();
    expectError(await submit(org.agent.key, intentBody({ amount: 101 }), "idem-diff-1"), 409, "idempotency_conflict");
    expect(await listCount()).toBe(before);
  });

  it("concurrent retries with one key create exactly one intent", async () => {
    const results = await Promise.all(Array.from({ length: 8 }, () => submit(org.agent.key, intentBody({ amount: 777 }), "idem-race-1")));
    expect(results.every((r) => r.status === 201)).toBe(true);
    expect(new Set(results.map((r) => r.body.id)).size).toBe(1);
  });

  it("keys are scoped to the API key: another key may reuse the string", async () => {
    const a = await submit(org.agent.key, intentBody(), "idem-scope-1");
    const b = await submit(org.approver.key, intentBody({ agent_id: org.agent.id }), "idem-scope-1");
    expect(b.status).toBe(201);
    expect(b.body.id).not.toBe(a.body.id);
  });
});
