// Card authorizations (issue 19): how fast the rail endpoint answers Stripe's
// issuing_authorization.request, signed by the official package, at c=1 and c=4, on the two paths:
// covered by an approved intent (recurring, so each request consumes a little of it), and no intent
// (the policy decides a new card intent in the same request). Stripe's deadline is 2 s; the target
// is p99 well under 100 ms. Bounded: a fixed number of requests per run. Alone:
// `npx tsx bench/card-authorizations.ts` (PGlite; DATABASE_URL for PostgreSQL).
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Stripe from "stripe";
import { adminCall } from "./admin-channel";
import { appEnv, freePort, startApp, type AppServer } from "./app-server";
import { log, summarize } from "./stats";

export type CardRun = {
  path: "covered" | "no intent";
  concurrency: number;
  n: number;
  perSecond: number;
  p50Ms: number;
  p99Ms: number;
  approved: number;
  failures: number;
};

const REQUESTS = Number(process.env.AEGIS_BENCH_CARD_REQUESTS ?? 400);
const fixture = JSON.parse(
  fs.readFileSync(path.join(import.meta.dirname, "..", "tests", "fixtures", "rails", "stripe-issuing-authorization-request.json"), "utf8"),
);
delete fixture._source;
const rid = (p: string) => `${p}_${crypto.randomBytes(10).toString("hex")}`;

function signedRequest(card: string, amount: number, secret: string) {
  const e = structuredClone(fixture);
  e.id = rid("evt");
  e.created = Math.floor(Date.now() / 1000);
  Object.assign(e.data.object, { id: rid("iauth") });
  e.data.object.card.id = card;
  Object.assign(e.data.object.pending_request, { amount, merchant_amount: amount });
  const payload = JSON.stringify(e);
  return { payload, signature: Stripe.webhooks.generateTestHeaderString({ payload, secret }) };
}

export async function measureCardAuthorizations(app: AppServer): Promise<CardRun[]> {
  const org = await adminCall<{ id: string }>(app, ["org", "create"], { name: `Card bench ${rid("o")}`, currency: "USD" });
  const secret = `whsec_${crypto.randomBytes(24).toString("base64url")}`;
  const rail = await adminCall<{ id: string }>(app, ["rail", "connect"], { org: org.id, provider: "stripe", "webhook-secret": secret });
  // Budgets and velocity out of the way: the figure is the answer's cost, not a policy refusal.
  const policy = await adminCall<{ rules: Record<string, unknown> }>(app, ["policy", "show"], { org: org.id });
  Object.assign(policy.rules, { daily_budget: 9_000_000_000, monthly_budget: 9_000_000_000, hard_limit: 9_000_000_000, max_intents_per_hour: 1_000_000 });
  await adminCall(app, ["policy", "set"], { org: org.id, policy, reason: "card authorization benchmark" });
  const agents: { card: string; key: string }[] = [];
  for (let i = 0; i < 4; i++) {
    const agent = await adminCall<{ id: string }>(app, ["agent", "create"], { org: org.id, name: `card-bench-${i}`, balance: 9_000_000_000 });
    const key = await adminCall<{ key: string }>(app, ["key", "create"], { agent: agent.id });
    const card = rid("ic");
    await adminCall(app, ["card", "attach"], { agent: agent.id, provider: "stripe", card });
    agents.push({ card, key: key.key });
  }
  const runs: CardRun[] = [];
  // The stack's floor on this machine right now, for scale: a loaded box inflates every figure.
  const floor: number[] = [];
  for (let i = 0; i < 200; i++) {
    const t = performance.now();
    await (await fetch(`${app.baseUrl}/api/health`)).text();
    floor.push(performance.now() - t);
  }
  const f = summarize(floor);
  log(`card authorization bench: GET /api/health at c=1 (the stack's floor now): p50 ${f.p50.toFixed(1)} ms, p99 ${f.p99.toFixed(1)} ms`);
  for (const concurrency of [1, 4]) {
    // Covered: one recurring intent per agent, large enough for every request of the run.
    for (const a of agents) {
      const res = await fetch(`${app.baseUrl}/api/v1/intents`, {
        method: "POST",
        headers: { Authorization: `Bearer ${a.key}`, "Content-Type": "application/json" },
        body: JSON.stringify({ amount: 900_000, currency: "USD", reason: "card bench subscription", confidence: 0.99, recurring: true }),
      });
      if ((await res.json()).status !== "approved") throw new Error("the bench's recurring intent was not approved");
    }
    runs.push(await run(app, rail.id, secret, agents, concurrency, "covered", 100));
    // No intent: cards of fresh agents with no intents, so every request is decided by the policy.
    runs.push(await run(app, rail.id, secret, await freshCards(app, org.id, concurrency), concurrency, "no intent", 100));
  }
  return runs;
}

async function freshCards(app: AppServer, orgId: string, n: number) {
  const out: { card: string; key: string }[] = [];
  for (let i = 0; i < n; i++) {
    const agent = await adminCall<{ id: string }>(app, ["agent", "create"], { org: orgId, name: `card-bench-free-${rid("a")}`, balance: 9_000_000_000 });
    const card = rid("ic");
    await adminCall(app, ["card", "attach"], { agent: agent.id, provider: "stripe", card });
    out.push({ card, key: "" });
  }
  return out;
}

async function run(
  app: AppServer,
  railId: string,
  secret: string,
  agents: { card: string }[],
  concurrency: number,
  label: CardRun["path"],
  amount: number,
): Promise<CardRun> {
  const times: number[] = [];
  let approved = 0;
  let failures = 0;
  let next = 0;
  const warm = Math.min(20, REQUESTS);
  const once = async (i: number, record: boolean) => {
    const { payload, signature } = signedRequest(agents[i % agents.length].card, amount, secret);
    const t = performance.now();
    const res = await fetch(`${app.baseUrl}/api/rails/${railId}`, {
      method: "POST",
      headers: { "Content-Type": "application/json", "Stripe-Signature": signature },
      body: payload,
    });
    const body = (await res.json().catch(() => null)) as { approved?: boolean } | null;
    const ms = performance.now() - t;
    if (!record) return;
    times.push(ms);
    if (res.status !== 200) failures++;
    if (body?.approved) approved++;
  };
  for (let i = 0; i < warm; i++) await once(i, false);
  const start = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let i = next++; i < REQUESTS; i = next++) await once(i, true);
    }),
  );
  const seconds = (performance.now() - start) / 1000;
  const s = summarize(times);
  const r: CardRun = { path: label, concurrency, n: s.n, perSecond: s.n / seconds, p50Ms: s.p50, p99Ms: s.p99, approved, failures };
  log(
    `card authorization (${label}) c=${concurrency}: p50 ${s.p50.toFixed(1)} ms, p99 ${s.p99.toFixed(1)} ms, ${r.perSecond.toFixed(0)}/s, ${approved}/${s.n} approved, ${failures} failed`,
  );
  return r;
}

// Alone: start an app (PGlite, or DATABASE_URL's PostgreSQL), measure, stop.
if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "aegis-bench-cards-"));
  const app = await startApp(appEnv(dir, await freePort(), process.env.DATABASE_URL || undefined), "cards");
  try {
    const runs = await measureCardAuthorizations(app);
    console.table(runs.map((r) => ({ ...r, perSecond: Math.round(r.perSecond), p50Ms: r.p50Ms.toFixed(1), p99Ms: r.p99Ms.toFixed(1) })));
  } finally {
    await app.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  process.exit(0);
}
