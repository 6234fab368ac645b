import Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { admin, createOrg, intentBody, type AppTarget } from "./support/factories";
import { testPort, type AppServer } from "./support/app-server";
import { startOwnApp } from "./support/own-app";
import { rawRequest, type RawAnswer } from "./support/raw-http";
import { authorizationRequest, newStripeCardId, newWebhookSecret } from "./support/stripe-events";

/**
 * Issue 18: the hot endpoints (submit, get and long-poll an intent, card authorizations) skip
 * Next.js' router (lib/server/fast-path.ts). Two apps alike but for AEGIS_FAST_PATH get the same
 * requests, in the same order, on data made the same way; their answers must match on the wire
 * (status, every header in order with its value, framing, compression, body) but for ids, times
 * and the one header that says which way a request went, which only the fast app sends.
 */
const pg = inject("databaseKind") === "postgresql";
const LIMITS = { AEGIS_RATE_LIMIT_PER_MINUTE: "60", AEGIS_LONGPOLL_PER_KEY: "1" };
let fast: AppServer;
let routed: AppServer;

beforeAll(async () => {
  [fast, routed] = await Promise.all([
    startOwnApp(testPort(pg ? 55 : 53), { ...LIMITS, AEGIS_FAST_PATH: "1" }),
    startOwnApp(testPort(pg ? 56 : 54), { ...LIMITS, AEGIS_FAST_PATH: "0" }),
  ]);
}, 300_000);
afterAll(async () => {
  await Promise.all([fast?.stop(), routed?.stop()]);
});

type World = { app: AppTarget; key: string; otherOrgKey: string; railId: string; secret: string; card: string };

/** One organisation with an agent whose card is on a Stripe connection, and an agent of another organisation. */
async function world(app: AppTarget): Promise<World> {
  const org = await createOrg({ app });
  const other = await createOrg({ app });
  const secret = newWebhookSecret();
  const rail = await admin<{ id: string }>(["rail", "connect"], { org: org.id, provider: "stripe", "webhook-secret": secret }, app);
  const card = newStripeCardId();
  await admin(["card", "attach"], { agent: org.agent.id, provider: "stripe", card }, app);
  return { app, key: org.agent.key, otherOrgKey: other.agent.key, railId: rail.id, secret, card };
}

const json = (key: string | null, extra: Record<string, string> = {}) => ({
  ...(key ? { Authorization: `Bearer ${key}` } : {}),
  "Content-Type": "application/json",
  ...extra,
});

/** The same conversation with either app; each answer labelled, and whether it is one the fast path takes. */
async function converse(w: World): Promise<{ label: string; fastRoute: boolean; answer: RawAnswer }[]> {
  const out: { label: string; fastRoute: boolean; answer: RawAnswer }[] = [];
  const send = async (label: string, fastRoute: boolean, method: string, path: string, opts: Parameters<typeof rawRequest>[3] = {}) => {
    const answer = await rawRequest(w.app.baseUrl, method, path, opts);
    out.push({ label, fastRoute, answer });
    return answer;
  };
  // Each route's first request loads its module in Next.js, which registers it with the fast path.
  for (const [method, path] of [
    ["GET", "/api/v1/intents/int_warm"],
    ["POST", "/api/v1/intents"],
    ["POST", `/api/rails/${w.railId}`],
  ])
    await rawRequest(w.app.baseUrl, method, path, { headers: json(w.key), body: method === "POST" ? "{}" : undefined });

  const body = JSON.stringify(intentBody());
  const created = await send("submit", true, "POST", "/api/v1/intents", { headers: json(w.key, { "Idempotency-Key": "fast-1" }), body });
  const id = JSON.parse(created.body).id as string;
  await send("idempotent replay", true, "POST", "/api/v1/intents", { headers: json(w.key, { "Idempotency-Key": "fast-1" }), body });
  await send("replay sent chunked", true, "POST", "/api/v1/intents", { headers: json(w.key, { "Idempotency-Key": "fast-1" }), body, chunked: true });
  await send("gzip accepted", true, "POST", "/api/v1/intents", { headers: json(w.key, { "Accept-Encoding": "gzip, deflate, br" }), body });
  await send("https per X-Forwarded-Proto", true, "POST", "/api/v1/intents", { headers: json(w.key, { "X-Forwarded-Proto": "https" }), body });
  await send("query string", true, "POST", "/api/v1/intents?source=x", { headers: json(w.key), body });
  await send("needs approval", true, "POST", "/api/v1/intents", { headers: json(w.key), body: JSON.stringify(intentBody({ amount: 2_000_000 })) });
  await send("bad key", true, "POST", "/api/v1/intents", { headers: json("sk_not_a_key"), body });
  await send("no key", true, "POST", "/api/v1/intents", { headers: json(null), body });
  await send("malformed Authorization", true, "POST", "/api/v1/intents", { headers: json(null, { Authorization: "Basic abc" }), body });
  await send("bad JSON", true, "POST", "/api/v1/intents", { headers: json(w.key), body: '{"amount": ' });
  await send("repeated key", true, "POST", "/api/v1/intents", { headers: json(w.key), body: '{"amount": 1, "amount": 2}' });
  await send("not an object", true, "POST", "/api/v1/intents", { headers: json(w.key), body: "[1]" });
  await send("schema", true, "POST", "/api/v1/intents", { headers: json(w.key), body: JSON.stringify(intentBody({ amount: -5 })) });
  await send("NUL in text", true, "POST", "/api/v1/intents", { headers: json(w.key), body: JSON.stringify(intentBody({ reason: "a\u0000b" })) });
  await send("not JSON", true, "POST", "/api/v1/intents", { headers: json(w.key, { "Content-Type": "text/plain" }), body });
  await send("Idempotency-Key too long", true, "POST", "/api/v1/intents", { headers: json(w.key, { "Idempotency-Key": "k".repeat(256) }), body });
  const big = JSON.stringify({ ...intentBody(), metadata: { pad: "x".repeat(70_000) } });
  await send("413 declared", true, "POST", "/api/v1/intents", { headers: json(w.key), body: big });
  await send("413 chunked", true, "POST", "/api/v1/intents", { headers: json(w.key), body: big, chunked: true });
  await send("405 (Next.js answers)", false, "PUT", "/api/v1/intents", { headers: json(w.key), body });
  await send("trailing slash (Next.js answers)", false, "POST", "/api/v1/intents/", { headers: json(w.key), body });

  await send("get", true, "GET", `/api/v1/intents/${id}`, { headers: json(w.key) });
  await send("get, other organisation", true, "GET", `/api/v1/intents/${id}`, { headers: json(w.otherOrgKey) });
  await send("get, unknown", true, "GET", "/api/v1/intents/int_nope", { headers: json(w.key) });
  await send("get, bad wait", true, "GET", `/api/v1/intents/${id}?wait=abc`, { headers: json(w.key) });
  await send("get, decided: wait returns at once", true, "GET", `/api/v1/intents/${id}?wait=5`, { headers: json(w.key) });
  await send("get, encoded id (Next.js answers)", false, "GET", `/api/v1/intents/${encodeURIComponent("int_a b")}`, { headers: json(w.key) });
  await send("HEAD (Next.js answers)", false, "HEAD", `/api/v1/intents/${id}`, { headers: json(w.key) });

  const auth = JSON.stringify(authorizationRequest({ card: w.card, amount: 1_000, currency: "inr" }));
  const signed = (payload: string) => ({
    "Content-Type": "application/json",
    "Stripe-Signature": Stripe.webhooks.generateTestHeaderString({ payload, secret: w.secret }),
  });
  await send("card authorization", true, "POST", `/api/rails/${w.railId}`, { headers: signed(auth), body: auth });
  await send("card authorization, bad signature", true, "POST", `/api/rails/${w.railId}`, {
    headers: { ...signed(auth), "Stripe-Signature": "t=1,v1=00" },
    body: auth,
  });
  await send("rail, unknown connection", true, "POST", "/api/rails/rc_nope", { headers: signed(auth), body: auth });
  await send("rail, body too large", true, "POST", `/api/rails/${w.railId}`, { headers: signed(auth), body: "x".repeat(300_000) });
  return out;
}

/** Ids, times and request ids differ between two apps; everything else must not. */
function comparable(a: RawAnswer) {
  const scrub = (s: string) =>
    s
      .replace(/\b[a-z]{2,6}_[A-Za-z0-9]{10,}\b/g, "ID")
      .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, "UUID")
      .replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z/g, "TIME")
      .replace(/retry in \d+s/g, "retry in Ns")
      .replace(/"(created|expires_at|t)":\s?\d{9,}/g, '"$1":TIME');
  return {
    status: `${a.status} ${a.statusMessage}`,
    headers: a.rawHeaders
      .filter(([name]) => !/^(date|x-aegis-fast-path)$/i.test(name))
      .map(([name, value]) => [name, /^(x-request-id|retry-after)$/i.test(name) ? "(varies)" : value]),
    body: scrub(a.body),
  };
}

describe("the fast path (issue 18)", () => {
  it("answers every request exactly as Next.js' router does, and says so only where it answered", { timeout: 240_000 }, async () => {
    const [viaFast, viaRouter] = await Promise.all([world(fast).then(converse), world(routed).then(converse)]);
    expect(viaFast.map((x) => x.label)).toEqual(viaRouter.map((x) => x.label));
    for (let i = 0; i < viaFast.length; i++) {
      const { label, fastRoute, answer } = viaFast[i];
      expect({ label, ...comparable(answer) }).toEqual({ label, ...comparable(viaRouter[i].answer) });
      expect({ label, fastPath: answer.headers["x-aegis-fast-path"] }).toEqual({ label, fastPath: fastRoute ? "1" : undefined });
      expect({ label, fastPath: viaRouter[i].answer.headers["x-aegis-fast-path"] }).toEqual({ label, fastPath: undefined });
    }
    const byLabel = Object.fromEntries(viaFast.map((x) => [x.label, x.answer]));
    // What the comparison covers, stated outright.
    expect(byLabel["submit"].status).toBe(201);
    expect(byLabel["idempotent replay"].headers["idempotent-replayed"]).toBe("true");
    expect(JSON.parse(byLabel["idempotent replay"].body).id).toBe(JSON.parse(byLabel["submit"].body).id);
    expect(byLabel["gzip accepted"].headers["content-encoding"]).toBe("gzip");
    expect(byLabel["submit"].headers["content-security-policy"]).toBe("default-src 'none'; frame-ancestors 'none'");
    expect(byLabel["submit"].headers["x-frame-options"]).toBe("DENY");
    expect(byLabel["submit"].headers["strict-transport-security"]).toBeUndefined();
    expect(byLabel["https per X-Forwarded-Proto"].headers["strict-transport-security"]).toMatch(/max-age=/);
    expect(JSON.parse(byLabel["bad key"].body).error).toMatchObject({ code: "unauthenticated", request_id: byLabel["bad key"].headers["x-request-id"] });
    expect([byLabel["bad JSON"].status, byLabel["not JSON"].status, byLabel["413 declared"].status, byLabel["413 chunked"].status]).toEqual([
      400, 415, 413, 413,
    ]);
    expect(byLabel["get, other organisation"].status).toBe(404);
    expect(byLabel["card authorization"].status).toBe(200);
    expect(JSON.parse(byLabel["card authorization"].body)).toMatchObject({ approved: true });
    expect(byLabel["rail, body too large"].status).toBe(413);
  });

  it("rate-limits the same way: 429 with Retry-After in the API's error shape", { timeout: 120_000 }, async () => {
    const limited = async (app: AppServer) => {
      const { agent } = await createOrg({ app });
      for (let i = 0; i < 200; i++) {
        const res = await rawRequest(app.baseUrl, "GET", "/api/v1/intents/int_nope", { headers: json(agent.key) });
        if (res.status === 429) return res;
      }
      throw new Error("never limited");
    };
    const [a, b] = await Promise.all([limited(fast), limited(routed)]);
    expect(comparable(a)).toEqual(comparable(b));
    expect(a.headers["x-aegis-fast-path"]).toBe("1");
    expect(Number(a.headers["retry-after"])).toBeGreaterThan(0);
    expect(JSON.parse(a.body).error.code).toBe("rate_limited");
  });

  it("ends a long-poll whose client went away, freeing its slot (one per key here)", { timeout: 120_000 }, async () => {
    for (const app of [fast, routed]) {
      const { agent } = await createOrg({ app });
      const pending = await rawRequest(app.baseUrl, "POST", "/api/v1/intents", {
        headers: json(agent.key),
        body: JSON.stringify(intentBody({ amount: 2_000_000 })),
      });
      const id = JSON.parse(pending.body).id as string;
      const leaving = new AbortController();
      const first = rawRequest(app.baseUrl, "GET", `/api/v1/intents/${id}?wait=20`, { headers: json(agent.key), signal: leaving.signal }).catch(() => null);
      await new Promise((r) => setTimeout(r, 1_000));
      leaving.abort();
      expect(await first).toBeNull();
      // The slot is free again only if the server saw the client leave; else this is a 429 for 20 s.
      const deadline = Date.now() + 5_000;
      let second: RawAnswer;
      do second = await rawRequest(app.baseUrl, "GET", `/api/v1/intents/${id}?wait=1`, { headers: json(agent.key) });
      while (second.status === 429 && Date.now() < deadline);
      expect({ app: app.baseUrl, status: second.status }).toEqual({ app: app.baseUrl, status: 200 });
      expect(second.headers["x-aegis-fast-path"]).toBe(app === fast ? "1" : undefined);
    }
  });
});
