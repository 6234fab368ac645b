import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { api, expectError } from "./support/http";
import { createAgent, createOrg, intentBody, type TestOrg } from "./support/factories";
import { startReceiver, waitFor } from "./support/webhook-receiver";

// The test server retries fast (first retry after 300 ms, at most 2 s apart, for 8 s) and allows loopback URLs.
let org: TestOrg;
let receiver: Awaited<ReturnType<typeof startReceiver>>;
beforeAll(async () => {
  org = await createOrg();
  receiver = await startReceiver();
});
afterAll(() => receiver.stop());

const ALL = ["intent.decided", "approval.requested", "approval.answered", "approval.expired", "agent.suspended", "wallet.low_balance"];
async function endpoint(url = receiver.url, events = ALL, o = org) {
  const res = await api(o.admin.key, "POST", "/api/v1/webhook-endpoints", { url, events });
  expect(res.status).toBe(201);
  receiver.state.secrets.push(res.body.secret);
  return res.body;
}
const deliveries = async (id: string) => (await api(org.admin.key, "GET", `/api/v1/webhook-endpoints/${id}/deliveries?limit=100`)).body.data;

describe("webhook endpoints API", () => {
  it("creates an endpoint and shows its secret only once", async () => {
    const created = await endpoint(receiver.url, ["intent.decided", "intent.decided"]);
    expect(created).toMatchObject({ object: "webhook_endpoint", url: receiver.url, events: ["intent.decided"], status: "enabled" });
    expect(created.secret).toMatch(/^whsec_/);
    const got = await api(org.admin.key, "GET", `/api/v1/webhook-endpoints/${created.id}`);
    expect(got.body.secret).toBeUndefined();
    const list = await api(org.admin.key, "GET", "/api/v1/webhook-endpoints");
    expect(list.body.data.map((e: { id: string }) => e.id)).toContain(created.id);
    const patched = await api(org.admin.key, "PATCH", `/api/v1/webhook-endpoints/${created.id}`, { events: ["agent.suspended"], description: "ops" });
    expect(patched.body).toMatchObject({ events: ["agent.suspended"], description: "ops" });
    expect((await api(org.admin.key, "DELETE", `/api/v1/webhook-endpoints/${created.id}`)).body).toMatchObject({ deleted: true });
    expectError(await api(org.admin.key, "GET", `/api/v1/webhook-endpoints/${created.id}`), 404, "not_found");
  });

  it("is for admins only, and another organisation's endpoint is a 404", async () => {
    const created = await endpoint(receiver.url, ["agent.suspended"]);
    expectError(await api(org.approver.key, "GET", "/api/v1/webhook-endpoints"), 403, "forbidden");
    expectError(await api(org.agent.key, "POST", "/api/v1/webhook-endpoints", { url: receiver.url, events: ["intent.decided"] }), 403, "forbidden");
    const other = await createOrg();
    expectError(await api(other.admin.key, "GET", `/api/v1/webhook-endpoints/${created.id}`), 404, "not_found");
    expectError(await api(other.admin.key, "POST", `/api/v1/webhook-endpoints/${created.id}/rotate-secret`), 404, "not_found");
    await api(org.admin.key, "DELETE", `/api/v1/webhook-endpoints/${created.id}`);
  });

  it("validates url and events", async () => {
    const bad = await api(org.admin.key, "POST", "/api/v1/webhook-endpoints", { url: "ftp://x.example", events: ["intent.decided"] });
    expect(expectError(bad, 400, "validation_error").details[0].field).toBe("url");
    expectError(await api(org.admin.key, "POST", "/api/v1/webhook-endpoints", { url: receiver.url, events: ["intent.nope"] }), 400, "validation_error");
    expectError(await api(org.admin.key, "POST", "/api/v1/webhook-endpoints", { url: receiver.url, events: [] }), 400, "validation_error");
  });
});

describe("delivery", () => {
  it("delivers signed events for a decision, an approval and its answer, verifiable with the Standard Webhooks library", async () => {
    const ep = await endpoint();
    const agent = await createAgent(org.id);
    const approved = (await api(agent.key, "POST", "/api/v1/intents", intentBody())).body;
    const held = (await api(agent.key, "POST", "/api/v1/intents", intentBody({ amount: 2_000_000 }))).body;
    await api(org.approver.key, "POST", `/api/v1/approvals/${held.id}`, { decision: "approve", comment: "ok" });
    const mine = () => receiver.received.filter((r) => JSON.stringify(r.data).includes(agent.id));
    await waitFor(() => (mine().length >= 4 ? true : undefined));
    const byType = (t: string) => mine().filter((r) => r.type === t);
    expect(mine().every((r) => r.verified)).toBe(true);
    expect(
      byType("intent.decided")
        .map((r) => r.data.intent.id)
        .sort(),
    ).toEqual([approved.id, held.id].sort());
    expect(byType("intent.decided").find((r) => r.data.intent.id === approved.id)!.data).toMatchObject({
      decided_by: "policy",
      intent: { status: "approved", amount: 12_500 },
    });
    expect(byType("approval.requested")[0].data).toMatchObject({
      approval: { id: held.approval.id, status: "pending" },
      intent: { id: held.id, amount: 2_000_000 },
    });
    expect(byType("approval.answered")[0].data).toMatchObject({
      approval: { status: "approved" },
      answer: { decision: "approve", comment: "ok", email: org.approver.email },
    });
    const r = byType("approval.requested")[0];
    expect(r.headers["webhook-id"]).toMatch(/^msg_/);
    expect(Math.abs(Number(r.headers["webhook-timestamp"]) * 1000 - Date.now())).toBeLessThan(60_000);
    // Every attempt is visible with its status and latency.
    const log = await waitFor(async () => {
      const d = (await deliveries(ep.id)).filter((x: any) => x.status === "succeeded");
      return d.length >= 4 ? d : undefined;
    });
    expect(log[0].attempts[0]).toMatchObject({ succeeded: true, status_code: 200, response_excerpt: "thanks" });
    expect(log[0].attempts[0].latency_ms).toBeGreaterThanOrEqual(0);
    await api(org.admin.key, "DELETE", `/api/v1/webhook-endpoints/${ep.id}`);
  });

  it("sends only the events an endpoint subscribed to, and agent.suspended when an agent is suspended", async () => {
    const o = await createOrg();
    const res = await api(o.admin.key, "POST", "/api/v1/webhook-endpoints", { url: receiver.url, events: ["agent.suspended"] });
    receiver.state.secrets.push(res.body.secret);
    await api(o.agent.key, "POST", "/api/v1/intents", intentBody());
    const { admin } = await import("./support/factories");
    await admin(["agent", "suspend"], { agent: o.agent.id });
    const got = await waitFor(() => receiver.received.find((r) => r.type === "agent.suspended" && r.data.agent.id === o.agent.id));
    expect(got).toMatchObject({ verified: true, data: { agent: { status: "suspended" }, suspended_by: "system" } });
    expect(receiver.received.some((r) => r.type === "intent.decided" && r.data.intent.agent_id === o.agent.id)).toBe(false);
  });

  it("keeps retrying while the receiver is down, and the retries land once it is back", async () => {
    const own = await startReceiver();
    const res = await api(org.admin.key, "POST", "/api/v1/webhook-endpoints", { url: own.url, events: ["intent.decided"] });
    own.state.secrets.push(res.body.secret);
    await own.stop();
    const intent = (await api(org.agent.key, "POST", "/api/v1/intents", intentBody({ amount: 1000 }))).body;
    const failing = await waitFor(async () => {
      const [d] = await deliveries(res.body.id);
      return d && d.attempts.length >= 2 ? d : undefined;
    });
    expect(failing.status).toBe("pending");
    expect(failing.attempts.every((a: any) => !a.succeeded && a.status_code === null && /ECONNREFUSED/.test(a.error))).toBe(true);
    await own.start();
    const got = await waitFor(() => own.received.find((r) => r.data.intent.id === intent.id));
    expect(got.verified).toBe(true);
    // The receiver has the request before the sender has its response and records the attempt:
    // under load, reading the log at once could still show it pending.
    const done = await waitFor(async () => {
      const [d] = await deliveries(res.body.id);
      return d?.status === "succeeded" ? d : undefined;
    });
    expect(done.status).toBe("succeeded");
    expect(done.attempts[0].succeeded).toBe(true);
    expect(done.attempts.length).toBeGreaterThanOrEqual(3);
    expect((await api(org.admin.key, "GET", `/api/v1/webhook-endpoints/${res.body.id}`)).body.failing_since).toBeNull();
    await api(org.admin.key, "DELETE", `/api/v1/webhook-endpoints/${res.body.id}`);
    await own.stop();
  });

  it("disables an endpoint that fails for the whole retry window, and replays a delivery once it is enabled", async () => {
    const own = await startReceiver();
    own.state.status = 500;
    const res = await api(org.admin.key, "POST", "/api/v1/webhook-endpoints", { url: own.url, events: ["intent.decided"] });
    own.state.secrets.push(res.body.secret);
    await api(org.agent.key, "POST", "/api/v1/intents", intentBody({ amount: 1000 }));
    const disabled = await waitFor(async () => {
      const e = (await api(org.admin.key, "GET", `/api/v1/webhook-endpoints/${res.body.id}`)).body;
      return e.status === "disabled" ? e : undefined;
    }, 30_000);
    expect(disabled.disabled_reason).toMatch(/failed/);
    const [failed] = await deliveries(res.body.id);
    expect(failed.status).toBe("failed");
    expect(failed.attempts[0]).toMatchObject({ succeeded: false, status_code: 500, response_excerpt: "receiver says no" });
    expectError(await api(org.admin.key, "POST", `/api/v1/webhook-deliveries/${failed.id}/replay`), 409, "conflict");

    own.state.status = 204;
    await api(org.admin.key, "PATCH", `/api/v1/webhook-endpoints/${res.body.id}`, { status: "enabled" });
    const replay = await api(org.admin.key, "POST", `/api/v1/webhook-deliveries/${failed.id}/replay`);
    expect(replay.status).toBe(201);
    expect(replay.body).toMatchObject({ status: "pending", event: { id: failed.event.id } });
    const got = await waitFor(() => own.received.find((r) => r.id === failed.event.id && r.verified));
    expect(got.type).toBe("intent.decided");
    await waitFor(async () => ((await deliveries(res.body.id)).find((d: any) => d.id === replay.body.id)?.status === "succeeded" ? true : undefined));
    await api(org.admin.key, "DELETE", `/api/v1/webhook-endpoints/${res.body.id}`);
    await own.stop();
  });

  it("signs with both secrets during a rotation's overlap, and only the new one after", async () => {
    const own = await startReceiver();
    const res = await api(org.admin.key, "POST", "/api/v1/webhook-endpoints", { url: own.url, events: ["agent.suspended"] });
    const oldSecret = res.body.secret;
    const rotated = await api(org.admin.key, "POST", `/api/v1/webhook-endpoints/${res.body.id}/rotate-secret`, { overlap_seconds: 3600 });
    expect(rotated.body.secret).not.toBe(oldSecret);
    expect(new Date(rotated.body.previous_secret_expires_at).getTime()).toBeGreaterThan(Date.now() + 3500_000);
    own.state.secrets = [oldSecret]; // a receiver that has not switched yet still verifies
    const agent = await createAgent(org.id);
    const { admin } = await import("./support/factories");
    await admin(["agent", "suspend"], { agent: agent.id });
    const first = await waitFor(() => own.received.find((r) => r.data.agent.id === agent.id));
    expect(first.verified).toBe(true);
    expect(String(first.headers["webhook-signature"]).split(" ")).toHaveLength(2);

    const again = await api(org.admin.key, "POST", `/api/v1/webhook-endpoints/${res.body.id}/rotate-secret`, { overlap_seconds: 0 });
    own.state.secrets = [rotated.body.secret];
    const agent2 = await createAgent(org.id);
    await admin(["agent", "suspend"], { agent: agent2.id });
    const second = await waitFor(() => own.received.find((r) => r.data.agent.id === agent2.id));
    expect(second.verified).toBe(false); // the previous secret no longer signs
    const headers = Object.fromEntries(Object.entries(second.headers).map(([k, v]) => [k, String(v)]));
    expect(() => new Webhook(again.body.secret).verify(second.body, headers)).not.toThrow();
    expect(String(second.headers["webhook-signature"]).split(" ")).toHaveLength(1);
    await api(org.admin.key, "DELETE", `/api/v1/webhook-endpoints/${res.body.id}`);
    await own.stop();
  });

  it("is in the OpenAPI document with operation ids", async () => {
    const doc = (await api(null, "GET", "/api/v1/openapi.json")).body;
    expect(doc.paths["/webhook-endpoints"].post.operationId).toBe("createWebhookEndpoint");
    expect(doc.paths["/webhook-endpoints/{id}/rotate-secret"].post.operationId).toBe("rotateWebhookSecret");
    expect(doc.paths["/webhook-deliveries/{id}/replay"].post.operationId).toBe("replayWebhookDelivery");
    expect(doc.components.schemas.WebhookEndpoint.properties.secret).toBeUndefined();
  });
});
