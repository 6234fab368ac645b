import crypto from "node:crypto";
import { Redis } from "ioredis";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { hashApiKey } from "@/lib/api-keys/api-key-secret";
import { SqlLimitStore } from "@/lib/limits/sql-limit-store";
import { limitStoreContract } from "../unit/support/limit-store-contract";
import { startAppServer, testPort, type AppServer } from "./support/app-server";
import { eventually, sql } from "./support/database";
import { createOrg, createUser, intentBody, type TestOrg } from "./support/factories";
import { api } from "./support/http";
import { awaitFreshWindow } from "./support/limit-window";
import { signIn } from "./support/session";

/**
 * Issue 17, item 5: rate limits, sign-in limits and long-poll caps hold across instances.
 * Instance A (the suite's server) and B share this PostgreSQL and so its limit tables; R1 and
 * R2 also share it but keep their limits in the real Redis (REDIS_URL). Every instance runs
 * with the suite's limits: 300 requests a minute per key, 4 long-polls per key.
 */
const onPostgres = inject("databaseKind") === "postgresql";
const LIMITS = { AEGIS_RATE_LIMIT_PER_MINUTE: "300", AEGIS_LONGPOLL_PER_KEY: "4", AEGIS_SKIP_BUILD: "1" };
const REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
const redisPrefix = `aegis-it:${crypto.randomUUID()}:`;
let b: AppServer | null = null;
let r1: AppServer | null = null;
let r2: AppServer | null = null;
let org: TestOrg;
let pool: pg.Pool;

beforeAll(async () => {
  if (!onPostgres) return;
  org = await createOrg();
  pool = new pg.Pool({ connectionString: inject("databaseUrl"), max: 8 });
  const redisEnv = { ...LIMITS, REDIS_URL, AEGIS_REDIS_KEY_PREFIX: redisPrefix };
  [b, r1, r2] = await Promise.all([
    startAppServer({ port: testPort(13), databaseUrl: inject("databaseUrl"), env: LIMITS }),
    startAppServer({ port: testPort(14), databaseUrl: inject("databaseUrl"), env: redisEnv }),
    startAppServer({ port: testPort(15), databaseUrl: inject("databaseUrl"), env: redisEnv }),
  ]);
}, 240_000);
afterAll(async () => {
  await Promise.all([b?.stop(), r1?.stop(), r2?.stop()]);
  await pool?.end();
  const redis = new Redis(REDIS_URL);
  const keys = await redis.keys(`${redisPrefix}*`);
  if (keys.length) await redis.del(...keys);
  redis.disconnect();
});

const get = (base: string, key: string, path: string, signal?: AbortSignal) =>
  fetch(`${base}${path}`, { headers: { Authorization: `Bearer ${key}` }, signal }).then(async (r) => {
    await r.arrayBuffer();
    return r.status;
  });

/** 300 requests alternating between two instances, then one more on each: both refuse it. */
async function fillRateLimitAcross(first: string, second: string, key: string) {
  await awaitFreshWindow(45_000);
  const statuses: number[] = [];
  for (let i = 0; i < 300; i += 20) {
    statuses.push(...(await Promise.all(Array.from({ length: 20 }, (_, j) => get((i + j) % 2 ? first : second, key, "/api/v1/agents?limit=1")))));
  }
  expect(statuses.filter((s) => s !== 200)).toEqual([]); // every one of the 300 served (a refusal shows its status)
  expect(await get(first, key, "/api/v1/agents?limit=1")).toBe(429);
  expect(await get(second, key, "/api/v1/agents?limit=1")).toBe(429);
}

describe.runIf(onPostgres)("the SQL limit store on PostgreSQL, many connections at once", () =>
  limitStoreContract(() => new SqlLimitStore(async (text, params) => (await pool.query(text, params)).rows)),
);

describe.runIf(onPostgres)("limits shared by instances on one PostgreSQL", () => {
  it("a key's 300 requests a minute are counted across both instances, not 300 on each", async () => {
    const viewer = await createUser(org.id, "viewer");
    await fillRateLimitAcross(inject("baseUrl"), b!.baseUrl, viewer.key);
    expect((await api(org.admin.key, "GET", "/api/v1/agents?limit=1")).status).toBe(200); // other keys unaffected
  });

  it("failed sign-ins from one address are counted across instances: the 21st is refused on either", async () => {
    const from = { localAddress: "127.0.0.31" };
    for (let i = 0; i < 20; i++) {
      const res = await signIn(`nobody-${i}@shared.test`, "wrong", { ...from, baseUrl: i % 2 ? b!.baseUrl : inject("baseUrl") });
      expect(res.error).not.toMatch(/Too many/);
    }
    for (const baseUrl of [inject("baseUrl"), b!.baseUrl]) {
      expect((await signIn(org.viewer.email, "correct horse battery", { ...from, baseUrl })).error).toMatch(/Too many failed sign-ins/);
    }
    expect((await signIn(org.viewer.email, "correct horse battery", { localAddress: "127.0.0.32", baseUrl: b!.baseUrl })).ok).toBe(true);
  });

  it("long-poll slots are counted across instances, and a dead instance's slots expire", async () => {
    const intent = (await api(org.agent.key, "POST", "/api/v1/intents", intentBody({ amount: 2_000_000 }))).body;
    expect(intent.status).toBe("pending_approval");
    const wait = (base: string, seconds: number, signal?: AbortSignal) => get(base, org.agent.key, `/api/v1/intents/${intent.id}?wait=${seconds}`, signal);
    const slotKey = `wait:${await keyIdOf(org.agent.key)}`;
    const leases = () =>
      sql<{ n: string }>(`SELECT count(*) AS n FROM limit_slots s, jsonb_each(s.leases) e WHERE s.key = $1 AND (e.value)::bigint > $2`, [slotKey, Date.now()]);
    const onA = new AbortController();
    const onAWaits = [wait(inject("baseUrl"), 30, onA.signal), wait(inject("baseUrl"), 30, onA.signal)];
    const onBWaits = [wait(b!.baseUrl, 6), wait(b!.baseUrl, 6)];
    await eventually(leases, (r) => Number(r[0]?.n) === 4);
    expect(await wait(b!.baseUrl, 1)).toBe(429); // two on A and two on B: the fifth is refused on B
    expect(await wait(inject("baseUrl"), 1)).toBe(429);
    onA.abort(); // A's two waits end: their slots are released at once
    await Promise.allSettled(onAWaits);
    await b!.kill(); // B dies holding two slots it will never release
    await Promise.allSettled(onBWaits);
    const onA2 = new AbortController();
    const again = [wait(inject("baseUrl"), 30, onA2.signal), wait(inject("baseUrl"), 30, onA2.signal)];
    await eventually(leases, (r) => Number(r[0]?.n) === 4);
    expect(await wait(inject("baseUrl"), 1)).toBe(429); // B's dead slots still count...
    // ...until their leases run out (6 s of waiting + 15 s), and no longer.
    expect(
      await eventually(
        () => wait(inject("baseUrl"), 1),
        (s) => s === 200,
        40_000,
      ),
    ).toBe(200);
    onA2.abort();
    await Promise.allSettled(again);
  }, 90_000);
});

describe.runIf(onPostgres)("limits shared through Redis (REDIS_URL)", () => {
  it("two instances count one key's requests together in Redis, and write nothing to the database's limit tables", async () => {
    const viewer = await createUser(org.id, "viewer");
    await fillRateLimitAcross(r1!.baseUrl, r2!.baseUrl, viewer.key);
    const redis = new Redis(REDIS_URL);
    const id = await keyIdOf(viewer.key);
    const keys = await redis.keys(`${redisPrefix}take:rate:${id}:*`);
    redis.disconnect();
    expect(keys.length).toBe(1);
    expect(await sql(`SELECT key FROM limit_counters WHERE key = $1`, [`rate:${id}`])).toEqual([]);
  });
});

/** The API key's id (what limits count by), found by its hash. */
async function keyIdOf(key: string): Promise<string> {
  const [row] = await sql<{ id: string }>(`SELECT id FROM api_keys WHERE hash = $1`, [hashApiKey(key)]);
  return row!.id;
}
