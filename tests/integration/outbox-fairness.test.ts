import http from "node:http";
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { AppServer } from "./support/app-server";
import { testPort } from "./support/app-server";
import { createOrg, intentBody, type AppTarget, type TestOrg } from "./support/factories";
import { startOwnApp } from "./support/own-app";
import { startReceiver, waitFor } from "./support/webhook-receiver";

/**
 * Issue 17, item 5: one tenant's slow endpoint stalled every tenant's deliveries. Organisation
 * A's webhook receiver and A's people's mail both answer a byte at a time and never finish
 * (an idle timeout never fires); B's are healthy. B's webhook and B's emails must arrive while
 * A's hang, A never holds more than its share of senders, and every one of A's attempts ends
 * at the wall-clock deadline. The app runs on its own database with short deadlines.
 */
const DEADLINE_MS = 3_000;
const PER_ORG = 2;
const pg = inject("databaseKind") === "postgresql";

let app: AppServer;
let target: AppTarget;
let a: TestOrg;
let b: TestOrg;

/** A webhook receiver that answers 200 and then one byte every 250 ms, forever. */
async function startTrickler() {
  const state = { open: 0, maxOpen: 0, requests: 0 };
  const server = http.createServer((req, res) => {
    req.resume();
    state.requests++;
    state.maxOpen = Math.max(state.maxOpen, ++state.open);
    res.writeHead(200, { "content-type": "text/plain" });
    const drip = setInterval(() => res.write("."), 250);
    res.on("close", () => {
      clearInterval(drip);
      state.open--;
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`,
    state,
    stop: () => new Promise<void>((r) => (server.closeAllConnections(), server.close(() => r()))),
  };
}

/** An SMTP relay that takes B's mail at once and drips A's DATA answer... never. */
async function startMailRelay(port: number, slowRecipients: () => string[]) {
  const delivered: { to: string[]; at: number }[] = [];
  const hung: { openedAt: number; closedAt?: number }[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      const to = session.envelope.rcptTo.map((r) => r.address);
      stream.resume();
      stream.on("end", () => {
        if (to.some((t) => slowRecipients().includes(t))) {
          const h = { openedAt: Date.now() } as { openedAt: number; closedAt?: number };
          hung.push(h);
          (session as unknown as { __hung: typeof h }).__hung = h; // never answers: the sender must give up
        } else {
          delivered.push({ to, at: Date.now() });
          callback();
        }
      });
    },
    onClose(session) {
      const h = (session as unknown as { __hung?: { closedAt?: number } }).__hung;
      if (h) h.closedAt = Date.now();
    },
  });
  await new Promise<void>((r) => server.listen(port, "127.0.0.1", () => r()));
  return { delivered, hung, stop: () => new Promise<void>((r) => server.close(() => r())) };
}

let slow: Awaited<ReturnType<typeof startTrickler>>;
let fast: Awaited<ReturnType<typeof startReceiver>>;
let relay: Awaited<ReturnType<typeof startMailRelay>>;

beforeAll(async () => {
  const smtpPort = testPort(pg ? 37 : 27);
  relay = await startMailRelay(smtpPort, () => [a.admin.email, a.approver.email, a.approver2.email]);
  [slow, fast] = await Promise.all([startTrickler(), startReceiver()]);
  app = await startOwnApp(testPort(pg ? 17 : 7), {
    AEGIS_WEBHOOK_ALLOW_PRIVATE_URLS: "1",
    AEGIS_WEBHOOK_POLL_MS: "200",
    AEGIS_WEBHOOK_TIMEOUT_MS: String(DEADLINE_MS),
    AEGIS_WEBHOOK_RETRY_BASE_MS: "600000", // one attempt each within the test
    AEGIS_EMAIL_TIMEOUT_MS: String(DEADLINE_MS),
    AEGIS_OUTBOX_CONCURRENCY: "8",
    AEGIS_OUTBOX_CONCURRENCY_PER_ORG: String(PER_ORG),
    SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
    AEGIS_RATE_LIMIT_PER_MINUTE: "0",
  });
  target = { baseUrl: app.baseUrl, dataDir: app.dataDir };
  [a, b] = await Promise.all([createOrg({ app: target }), createOrg({ app: target })]);
}, 240_000);
afterAll(async () => {
  await app?.stop();
  await Promise.all([slow?.stop(), fast?.stop(), relay?.stop()]);
});

const call = (key: string, method: string, path: string, body?: unknown) =>
  fetch(`${app.baseUrl}${path}`, {
    method,
    headers: { Authorization: `Bearer ${key}`, "Content-Type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  }).then(async (r) => ({ status: r.status, body: await r.json() }));

describe("one tenant's slow endpoint never delays another's deliveries", () => {
  it("webhooks: B's delivery arrives while A's 12 hang, A holds at most its share, and each of A's attempts ends at the deadline", async () => {
    const epA = await call(a.admin.key, "POST", "/api/v1/webhook-endpoints", { url: slow.url, events: ["intent.decided"] });
    const epB = await call(b.admin.key, "POST", "/api/v1/webhook-endpoints", { url: fast.url, events: ["intent.decided"] });
    expect([epA.status, epB.status]).toEqual([201, 201]);
    fast.state.secrets.push(epB.body.secret);
    for (let i = 0; i < 12; i++) expect((await call(a.agent.key, "POST", "/api/v1/intents", intentBody({ amount: 1_000 + i }))).status).toBe(201);
    await waitFor(() => (slow.state.open >= PER_ORG ? true : undefined));
    const sent = Date.now();
    const mine = await call(b.agent.key, "POST", "/api/v1/intents", intentBody({ amount: 777 }));
    const got = await waitFor(() => fast.received.find((r) => r.data.intent?.id === mine.body.id), 15_000);
    expect(got).toMatchObject({ type: "intent.decided", verified: true });
    // Well inside A's deadline: B did not wait for any of A's attempts to end.
    expect(Date.now() - sent).toBeLessThan(DEADLINE_MS);
    expect(slow.state.open).toBeGreaterThan(0); // A's are still hanging
    // A's attempts end at the deadline and are recorded as such; never more than its share at once.
    const list = await waitFor(async () => {
      const res = await call(a.admin.key, "GET", `/api/v1/webhook-endpoints/${epA.body.id}/deliveries?limit=20`);
      const attempts = res.body.data.flatMap((d: { attempts: unknown[] }) => d.attempts);
      return attempts.length >= 4 ? attempts : undefined;
    }, 30_000);
    for (const attempt of list) {
      expect(attempt).toMatchObject({ succeeded: false, error: `no complete answer within ${DEADLINE_MS} ms` });
      expect(attempt.latency_ms).toBeGreaterThanOrEqual(DEADLINE_MS - 50);
      expect(attempt.latency_ms).toBeLessThan(DEADLINE_MS + 2_000);
    }
    expect(slow.state.maxOpen).toBe(PER_ORG);
  }, 60_000);

  it("emails: B's approvers get their mail while the relay hangs on A's, and A's sends give up at the deadline", async () => {
    // Just above the auto-approve limit (and inside the daily budget): each waits for a person, who is emailed.
    for (let i = 0; i < 4; i++) {
      const res = await call(a.agent.key, "POST", "/api/v1/intents", intentBody({ amount: 1_000_001 + i }));
      expect(res.body.status, JSON.stringify(res.body.policy_decision)).toBe("pending_approval");
    }
    await waitFor(() => (relay.hung.length >= PER_ORG ? true : undefined), 15_000);
    const sent = Date.now();
    const mine = await call(b.agent.key, "POST", "/api/v1/intents", intentBody({ amount: 1_200_000 }));
    expect(mine.body.status).toBe("pending_approval");
    await waitFor(() => relay.delivered.find((m) => m.to.includes(b.approver.email)), 15_000);
    expect(Date.now() - sent).toBeLessThan(DEADLINE_MS);
    const ended = await waitFor(() => {
      const done = relay.hung.filter((h) => h.closedAt !== undefined);
      return done.length >= PER_ORG ? done : undefined;
    }, 20_000);
    for (const h of ended) expect(h.closedAt! - h.openedAt).toBeLessThan(DEADLINE_MS + 1_500);
  }, 60_000);
});
