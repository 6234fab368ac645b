import net from "node:net";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { inject } from "vitest";
import { AegisClient, AegisConnectionError, AegisRateLimitError, AegisServerError, AegisTimeoutError } from "@aegis-os/sdk";
import { createAgent, createOrg, submitParams, type TestOrg } from "./support/fixtures";
import { startFaultProxy, type Fault } from "./support/fault-proxy";

let org: TestOrg;
let proxy: Awaited<ReturnType<typeof startFaultProxy>> | null = null;
beforeAll(async () => {
  org = await createOrg();
});
afterEach(async () => {
  await proxy?.stop();
  proxy = null;
});

async function through(faults: Fault[], key: string, options: { timeout?: number; maxRetries?: number } = {}) {
  proxy = await startFaultProxy(inject("baseUrl"), faults);
  return { aegis: new AegisClient({ apiKey: key, baseUrl: proxy.url, ...options }), seen: proxy.seen };
}

describe("retries", () => {
  it("a submit whose answer was lost is sent again with the same Idempotency-Key: one intent, not two", async () => {
    const agent = await createAgent(org.id);
    const { aegis, seen } = await through(["drop-after-forward"], agent.key);
    const intent = await aegis.intents.submit(submitParams({ reason: "lost answer" }));
    expect(seen).toHaveLength(2);
    expect(seen[0].idempotencyKey).toBeTruthy();
    expect(seen[1].idempotencyKey).toBe(seen[0].idempotencyKey);
    const all = await new AegisClient({ apiKey: agent.key, baseUrl: inject("baseUrl") }).intents.list().toArray();
    expect(all.map((i) => i.id)).toEqual([intent.id]);
  });

  it("honours Retry-After on 429 and retries 5xx with backoff", async () => {
    const { aegis, seen } = await through([{ status: 429, retryAfter: "1" }, { status: 503 }], org.agent.key);
    const t0 = Date.now();
    const intent = await aegis.intents.get((await aegis.intents.submit(submitParams())).id);
    expect(intent.status).toBe("approved");
    expect(Date.now() - t0).toBeGreaterThanOrEqual(1_000 + 375);
    expect(seen.map((s) => s.method)).toEqual(["POST", "POST", "POST", "GET"]);
  });

  it("gives up after maxRetries with the typed error", async () => {
    const { aegis, seen } = await through([{ status: 503 }, { status: 503 }], org.agent.key, { maxRetries: 1 });
    await expect(aegis.agents.list().toArray()).rejects.toBeInstanceOf(AegisServerError);
    expect(seen).toHaveLength(2);
    const limited = await through([{ status: 429, retryAfter: "120" }], org.agent.key);
    const err = await limited.aegis.agents.get(org.agent.id).catch((e) => e);
    expect(err).toBeInstanceOf(AegisRateLimitError);
    expect(err.retryAfter).toBe(120);
    expect(limited.seen).toHaveLength(1); // longer than the SDK will sleep: raised at once
  });

  it("never repeats an approval answer the server may have received", async () => {
    const agent = await createAgent(org.id, 20_000_000);
    const intent = await new AegisClient({ apiKey: agent.key, baseUrl: inject("baseUrl") }).intents.submit(submitParams({ amount: 2_000_000 }));
    const { aegis, seen } = await through([{ status: 503 }], org.approver.key);
    await expect(aegis.approvals.respond(intent.id, "approve")).rejects.toBeInstanceOf(AegisServerError);
    expect(seen).toHaveLength(1);
  });

  it("times out a request that gets no answer; a read timeout is not repeated", async () => {
    const { aegis, seen } = await through(["hang"], org.agent.key, { timeout: 500 });
    const err = await aegis.agents.get(org.agent.id).catch((e) => e);
    expect(err).toBeInstanceOf(AegisTimeoutError);
    expect(err.code).toBe("timeout");
    expect(seen).toHaveLength(1);
  });

  it("a refused connection is retried, then reported as AegisConnectionError", async () => {
    const port = await new Promise<number>((resolve) => {
      const s = net.createServer().listen(0, "127.0.0.1", () => {
        const p = (s.address() as net.AddressInfo).port;
        s.close(() => resolve(p));
      });
    });
    const aegis = new AegisClient({ apiKey: org.agent.key, baseUrl: `http://127.0.0.1:${port}`, maxRetries: 1 });
    const err = await aegis.intents.submit(submitParams()).catch((e) => e);
    expect(err).toBeInstanceOf(AegisConnectionError);
    expect(err.statusCode).toBeNull();
    expect(err.idempotencyKey).toBeTruthy();
  });
});
