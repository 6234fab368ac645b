import fs from "node:fs";
import path from "node:path";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { inject } from "vitest";
import { AegisClient, AegisError, AegisTimeoutError } from "@aegis-os/sdk";
import { payForNotion } from "../examples/agent";
import { runAgent } from "../examples/async-agent";
import { submitOrReport } from "../examples/errors";
import { paid } from "../examples/payments";
import { payWhenDecided } from "../examples/polling";
import { client, createAgent, createOrg, submitParams, type TestOrg } from "./support/fixtures";

/**
 * The TypeScript port of every example of the Python SDK's public document (client.py,
 * agent.py, async_agent.py, the polling agent.py and the error-handling agent.py), run
 * against the real server. The README shows these files verbatim.
 */
const examples = path.resolve(import.meta.dirname, "..", "examples");
let org: TestOrg;
let agent: { id: string; key: string };

beforeAll(async () => {
  org = await createOrg();
  agent = await createAgent(org.id, 20_000_000);
});
function useAgentEnv() {
  vi.stubEnv("AEGIS_API_KEY", agent.key);
  vi.stubEnv("AEGIS_AGENT_ID", agent.id);
  vi.stubEnv("AEGIS_BASE_URL", inject("baseUrl"));
}
afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
  paid.length = 0;
});

describe("ports of the Python document's examples", () => {
  it("the README shows each example file verbatim", () => {
    const readme = fs.readFileSync(path.join(examples, "..", "README.md"), "utf8");
    for (const file of ["client.ts", "agent.ts", "async-agent.ts", "polling.ts", "errors.ts"]) {
      expect(readme, file).toContain(fs.readFileSync(path.join(examples, file), "utf8").trim());
    }
  });

  it("client.ts: a script client and a long-lived service client (10 s timeout)", async () => {
    useAgentEnv();
    const { aegis, service } = await import("../examples/client");
    expect(aegis).toBeInstanceOf(AegisClient);
    expect(service.timeout).toBe(10_000);
    expect(service.baseUrl).toBe(inject("baseUrl"));
    const intent = await service.intents.submit({ amount: 100, currency: "INR", reason: "long-lived service" });
    expect((await aegis.intents.get(intent.id)).status).toBe("approved");
  });

  it("agent.ts: the submit is approved, printed and paid", async () => {
    useAgentEnv();
    const log = vi.spyOn(console, "log").mockImplementation(() => {});
    const intent = await payForNotion();
    expect(intent.id).toMatch(/^int_/);
    expect(log.mock.calls).toEqual([[intent.id], [intent.status]]);
    expect(intent.status).toBe("approved");
    expect(paid).toEqual([intent.id]);
    expect([intent.amount, intent.currency, intent.merchant, intent.metadata]).toEqual([12500, "INR", "Notion", { invoice_id: "INV-2026-0341" }]);
  });

  it("async-agent.ts: submit then waitForDecision returns the approved intent", async () => {
    useAgentEnv();
    const resolved = await runAgent();
    expect([resolved.status, resolved.amount, resolved.reason]).toEqual(["approved", 5000, "Cloud compute invoice"]);
  });

  describe("polling.ts", () => {
    const poll = async (amount: number, human?: (intentId: string) => Promise<unknown>) => {
      const aegis = client(agent.key);
      const intent = await aegis.intents.submit(submitParams({ amount, reason: `polling example ${amount}` }));
      const answering = human?.(intent.id);
      try {
        return { intent, resolved: await payWhenDecided(aegis, intent) };
      } finally {
        await answering;
      }
    };

    it("approved: pays", async () => {
      const { intent, resolved } = await poll(12_500);
      expect(resolved.status).toBe("approved");
      expect(paid).toEqual([intent.id]);
    });

    it("denied: throws with the readable decision", async () => {
      await expect(poll(20_000_000)).rejects.toThrow(/^Denied by policy: denied by rule hard_limit: /);
      expect(paid).toEqual([]);
    });

    it("waits for a human, then pays", async () => {
      const t0 = Date.now();
      const approve = async (id: string) => {
        await new Promise((r) => setTimeout(r, 1_000));
        return client(org.approver.key).approvals.respond(id, "approve");
      };
      const { intent, resolved } = await poll(2_000_000, approve);
      expect(Date.now() - t0).toBeGreaterThanOrEqual(900);
      expect(intent.status).toBe("pending_approval");
      expect(resolved.status).toBe("approved");
      expect(paid).toEqual([intent.id]);
    });
  });

  describe("errors.ts", () => {
    it("an API error is printed (status, message, code) and thrown", async () => {
      const log = vi.spyOn(console, "log").mockImplementation(() => {});
      const err = await submitOrReport(client(agent.key), { amount: -1, currency: "INR", reason: "bad" }).catch((e) => e);
      expect(err).toBeInstanceOf(AegisError);
      expect(log.mock.calls).toEqual([[400, err.message, "validation_error"]]);
    });

    it("a timeout is swallowed (safe to retry) and the retry with its key creates one intent", async () => {
      const aegis = new AegisClient({ apiKey: agent.key, baseUrl: inject("baseUrl"), timeout: 1, maxRetries: 0 });
      expect(await submitOrReport(aegis, submitParams())).toBeNull();
      const err = await aegis.intents.submit(submitParams()).catch((e) => e);
      expect(err).toBeInstanceOf(AegisTimeoutError);
      const retried = await client(agent.key).intents.submit(submitParams(), { idempotencyKey: err.idempotencyKey });
      expect(retried.amount).toBe(12_500);
    });
  });
});
