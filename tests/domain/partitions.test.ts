import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import { idFloorAt, idTime, isPublicId, newAuditEventId, newIntentId, newLedgerEntryId, timeOrderedId } from "@/lib/db/ids";
import { ensureMonthPartitions, partitionProblems } from "@/lib/db/partitions";
import { createTestDb } from "./support/test-db";
import { seedOrg } from "./support/seed";

// The monthly partitions on PGlite (the PostgreSQL side, with the upgrade of an existing
// database and the races, is tests/integration/partitions.postgres.test.ts).
let db: Db;
let close: () => Promise<void>;
let orgId: string;
let agentId: string;
let apiKeyId: string;

const MONTH_MS = 31 * 86_400_000;
const monthName = (d: Date) => `${d.getUTCFullYear()}${String(d.getUTCMonth() + 1).padStart(2, "0")}`;

beforeAll(async () => {
  ({ db, close } = await createTestDb());
  const seeded = await seedOrg(db, {});
  orgId = seeded.org.id;
  agentId = seeded.agent.id;
  apiKeyId = `key_${crypto.randomUUID()}`;
  await db.$executeRaw`INSERT INTO api_keys (id, org_id, kind, agent_id, name, prefix, hash)
    VALUES (${apiKeyId}, ${orgId}, 'agent', ${agentId}::uuid, 'test', 'ak_test', ${apiKeyId})`;
}, 60_000);
afterAll(() => close());

/** A bare intent row with this id (and idempotency key), as submitIntent writes one. */
const insertIntent = (id: string, key: string | null = null) => db.$executeRaw`
  INSERT INTO intents (id, org_id, agent_id, api_key_id, amount, currency, reason, idempotency_key, request_hash)
  VALUES (${id}, ${orgId}, ${agentId}::uuid, ${apiKeyId}, 100, 'INR', 'test', ${key}, 'h')`;
const partitionOf = async (table: string, id: string) =>
  (await db.$queryRawUnsafe<{ p: string }[]>(`SELECT tableoid::regclass::text AS p FROM ${table} WHERE id = $1`, id))[0]?.p;

describe("time-ordered ids", () => {
  it("keep the 24-character body, carry their creation time and sort by it; old and new shapes both validate", () => {
    const at = Date.UTC(2026, 11, 6, 21, 0, 0, 123);
    const id = newIntentId(at);
    expect(id).toMatch(/^int_u[0-9a-z]{23}$/);
    expect(idTime(id)?.getTime()).toBe(at);
    expect(isPublicId("int", id)).toBe(true);
    expect(isPublicId("int", "int_nn2dbj032pzve0366mh6p7xv")).toBe(true); // made before
    expect(isPublicId("int", "int_uu2dbj032pzve0366mh6p7xv")).toBe(false); // a second u is not in the alphabet
    const ids = [at + 1, at, at + 60_000, at - 1].map((t) => timeOrderedId("evt", t));
    expect([...ids].sort()).toEqual([ids[3], ids[1], ids[0], ids[2]]);
    expect(idFloorAt("int", Date.UTC(2026, 11, 1))).toBe("int_u1m8qedc00"); // the bound aegis_id_floor gives
    expect(newLedgerEntryId().startsWith("led_u")).toBe(true);
    expect(newAuditEventId().startsWith("evt_u")).toBe(true);
  });
});

describe("monthly partitions", () => {
  it("exist from last month through three ahead after the migrations, and the database computes the same bounds", async () => {
    const now = new Date();
    const rows = await db.$queryRaw<{ name: string }[]>`
      SELECT c.relname AS name FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = 'intents'::regclass ORDER BY 1`;
    const names = rows.map((r) => r.name);
    for (let m = -1; m <= 3; m++) expect(names).toContain(`intents_p${monthName(new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + m, 1)))}`);
    expect(names).toContain("intents_default");
    const [b] = await db.$queryRaw<{ f: string }[]>`SELECT aegis_id_floor('int', '2026-12-01T00:00:00Z'::timestamptz) AS f`;
    expect(b.f).toBe(idFloorAt("int", Date.UTC(2026, 11, 1)));
    expect(await partitionProblems(db)).toEqual([]);
  });

  it("store a new row in its month's partition, and a lookup by id reads that one partition", async () => {
    const id = newIntentId();
    await insertIntent(id);
    expect(await partitionOf("intents", id)).toBe(`intents_p${monthName(new Date())}`);
    const plan = await db.$queryRawUnsafe<{ "QUERY PLAN": string }[]>(`EXPLAIN SELECT * FROM intents WHERE id = '${id}'`);
    const text = plan.map((r) => r["QUERY PLAN"]).join("\n");
    expect(text).toContain(`intents_p${monthName(new Date())}`);
    expect(new Set(text.match(/intents_(p\d{6}|default)/g))).toEqual(new Set([`intents_p${monthName(new Date())}`]));
  });

  it("are made idempotently for back-dated months, and a new id of a month without one is refused, never put in DEFAULT", async () => {
    const longAgo = new Date(Date.now() - 14 * MONTH_MS);
    await expect(insertIntent(newIntentId(longAgo))).rejects.toThrow(/intents_default_old_ids_only|no partition/);
    const made = await ensureMonthPartitions(db, longAgo);
    expect(made).toContain(`intents_p${monthName(longAgo)}`);
    expect(await ensureMonthPartitions(db, longAgo)).toEqual([]);
    const id = newIntentId(longAgo);
    await insertIntent(id);
    expect(await partitionOf("intents", id)).toBe(`intents_p${monthName(longAgo)}`);
  });

  it("report a missing month ahead", async () => {
    const ahead = new Date();
    const name = `ledger_entries_p${monthName(new Date(Date.UTC(ahead.getUTCFullYear(), ahead.getUTCMonth() + 3, 1)))}`;
    await db.$executeRawUnsafe(`DROP TABLE ${name}`);
    const problems = await partitionProblems(db);
    expect(problems).toEqual([{ table: "ledger_entries", problem: expect.stringMatching(/is missing$/) }]);
    expect(await ensureMonthPartitions(db)).toEqual([name]);
    expect(await partitionProblems(db)).toEqual([]);
  });
});

describe("uniqueness across partitions", () => {
  it("an idempotency key is refused a second time even when the two intents fall in different months", async () => {
    const key = `key-${crypto.randomUUID()}`;
    await ensureMonthPartitions(db, new Date(Date.now() - 2 * MONTH_MS));
    await insertIntent(newIntentId(Date.now() - 2 * MONTH_MS), key);
    const second = insertIntent(newIntentId(), key);
    await expect(second).rejects.toThrow(/intents_api_key_id_idempotency_key_key/);
    // Another key, or the same key under another API key, is fine.
    await insertIntent(newIntentId(), `${key}-b`);
  });

  it("an audit chain position (org, seq) is refused a second time across months", async () => {
    await ensureMonthPartitions(db, new Date(Date.now() - 2 * MONTH_MS));
    const event = (id: string, seq: number) => db.$executeRaw`
      INSERT INTO audit_events (id, org_id, actor_type, actor_label, action, target_type, target_id, seq, prev_hash, hash)
      VALUES (${id}, ${orgId}, 'system', 'system', 'test', 'organization', ${orgId}, ${seq}, 'p', 'h')`;
    await event(newAuditEventId(Date.now() - 2 * MONTH_MS), 900_001);
    await expect(event(newAuditEventId(), 900_001)).rejects.toThrow(/audit_events_org_id_seq_key/);
    await event(newAuditEventId(), 900_002);
  });

  it("the append-only audit triggers hold on every partition, TRUNCATE included", async () => {
    const id = newAuditEventId();
    await db.$executeRaw`
      INSERT INTO audit_events (id, org_id, actor_type, actor_label, action, target_type, target_id)
      VALUES (${id}, ${orgId}, 'system', 'system', 'test', 'organization', ${orgId})`;
    await expect(db.$executeRaw`UPDATE audit_events SET action = 'changed' WHERE id = ${id}`).rejects.toThrow(/append-only/);
    await expect(db.$executeRaw`DELETE FROM audit_events WHERE id = ${id}`).rejects.toThrow(/append-only/);
    const month = `audit_events_p${monthName(new Date())}`;
    await expect(db.$executeRawUnsafe(`TRUNCATE ${month}`)).rejects.toThrow(/TRUNCATE refused/);
    await expect(db.$executeRawUnsafe(`TRUNCATE audit_events_default`)).rejects.toThrow(/TRUNCATE refused/);
    await expect(db.$executeRawUnsafe(`TRUNCATE audit_events`)).rejects.toThrow(/TRUNCATE refused/);
  });
});
