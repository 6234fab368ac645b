import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { newIntentId, newAuditEventId } from "@/lib/db/ids";
import { idRangeOfDates } from "@/lib/db/id-ranges";
import { adminQuery, PG_ADMIN_URL } from "./support/pg-admin";

// Monthly partitions on PostgreSQL 15: an existing database upgrades in place (its rows become
// the DEFAULT partitions), and the two guarantees that were unique indexes hold under races
// across partitions. The PGlite side is tests/domain/partitions.test.ts.
const onPostgres = inject("databaseKind") === "postgresql";
const MIGRATIONS = path.resolve(import.meta.dirname, "../../prisma/migrations");
const PARTITIONS = "20261207090000_monthly_partitions";
const dbName = `aegis_partition_upgrade_${crypto.randomBytes(4).toString("hex")}`;
const url = PG_ADMIN_URL.replace(/\/[^/]*$/, `/${dbName}`);
/** An hour into last month: another partition than now's, and one the migration made. */
const lastMonth = () => {
  const now = new Date();
  return Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1, 1);
};
const connect = async () => {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  return c;
};
let c: pg.Client;

async function applyMigrations(which: (name: string) => boolean) {
  const names = fs
    .readdirSync(MIGRATIONS)
    .filter((n) => fs.statSync(path.join(MIGRATIONS, n)).isDirectory())
    .sort();
  for (const name of names.filter(which)) {
    await c.query("BEGIN");
    await c.query(fs.readFileSync(path.join(MIGRATIONS, name, "migration.sql"), "utf8"));
    await c.query("COMMIT");
  }
}

const ORG = "org_upgrade0000000000000000000";
const AGENT = "00000000-0000-4000-8000-000000000001";
const OLD_INTENT = "int_nn2dbj032pzve0366mh6p7xv"; // the shape of ids made before time-ordered ones
const intentRow = (id: string, key: string | null) =>
  c.query(
    `INSERT INTO intents (id, org_id, agent_id, api_key_id, amount, currency, reason, idempotency_key, request_hash)
     VALUES ($1, $2, $3, 'key_upgrade', 100, 'INR', 'upgrade', $4, 'h')`,
    [id, ORG, AGENT, key],
  );

describe.runIf(onPostgres)("monthly partitions on PostgreSQL", () => {
  beforeAll(async () => {
    await adminQuery(`CREATE DATABASE ${dbName}`);
    c = await connect();
    // A database as the release before partitions left it, with rows of every kind.
    await applyMigrations((n) => n < PARTITIONS);
    await c.query(`INSERT INTO organizations (id, name, currency) VALUES ($1, 'Upgrade', 'INR')`, [ORG]);
    await c.query(`INSERT INTO agents (id, org_id, name, owner) VALUES ($1, $2, 'Bot', 'ops')`, [AGENT, ORG]);
    await c.query(`INSERT INTO wallets (id, org_id, agent_id, currency) VALUES ('wal_upgrade', $1, $2, 'INR')`, [ORG, AGENT]);
    await c.query(`INSERT INTO api_keys (id, org_id, kind, agent_id, name, prefix, hash) VALUES ('key_upgrade', $1, 'agent', $2, 'k', 'ak', 'h')`, [
      ORG,
      AGENT,
    ]);
    await intentRow(OLD_INTENT, "old-key");
    await c.query(
      `INSERT INTO ledger_entries (id, org_id, wallet_id, intent_id, kind, amount, balance_after, held_after)
       VALUES ('led_nn2dbj032pzve0366mh6p7xv', $1, 'wal_upgrade', $2, 'credit', 100, 100, 0)`,
      [ORG, OLD_INTENT],
    );
    await c.query(
      `INSERT INTO audit_events (id, org_id, actor_type, actor_label, action, target_type, target_id, seq, prev_hash, hash)
       VALUES ('evt_nn2dbj032pzve0366mh6p7xv', $1, 'system', 'system', 'test', 'organization', $1, 1, 'p', 'h')`,
      [ORG],
    );
    await applyMigrations((n) => n >= PARTITIONS);
  }, 120_000);
  afterAll(async () => {
    await c?.end();
    await adminQuery(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
  });

  it("keeps every existing row, in the DEFAULT partition, still referenced and still unique", async () => {
    for (const [table, id] of [
      ["intents", OLD_INTENT],
      ["ledger_entries", "led_nn2dbj032pzve0366mh6p7xv"],
      ["audit_events", "evt_nn2dbj032pzve0366mh6p7xv"],
    ]) {
      const { rows } = await c.query(`SELECT tableoid::regclass::text AS p FROM ${table} WHERE id = $1`, [id]);
      expect(rows).toEqual([{ p: `${table}_default` }]);
    }
    // The foreign keys to intents(id) were moved to the parent: they accept the old row, refuse a missing one.
    const approval = (intentId: string) =>
      c.query(
        `INSERT INTO approvals (id, org_id, intent_id, required_role, approvals_required, expires_at, amount)
         VALUES ($1, $2, $3, 'approver', 1, now() + interval '1 day', 100)`,
        [`apr_${crypto.randomBytes(8).toString("hex")}`, ORG, intentId],
      );
    await approval(OLD_INTENT);
    await expect(approval(newIntentId())).rejects.toThrow(/approvals_intent_id_fkey/);
    // An old idempotency key and an old chain position stay taken.
    await expect(intentRow(newIntentId(), "old-key")).rejects.toThrow(/intents_api_key_id_idempotency_key_key/);
    await expect(
      c.query(
        `INSERT INTO audit_events (id, org_id, actor_type, actor_label, action, target_type, target_id, seq, prev_hash, hash)
         VALUES ($1, $2, 'system', 'system', 'test', 'organization', $2, 1, 'p', 'h')`,
        [newAuditEventId(), ORG],
      ),
    ).rejects.toThrow(/audit_events_org_id_seq_key/);
    // New rows go to their month.
    const id = newIntentId();
    await intentRow(id, "new-key");
    const { rows } = await c.query(`SELECT tableoid::regclass::text AS p FROM intents WHERE id = $1`, [id]);
    expect(rows[0].p).toMatch(/^intents_p\d{6}$/);
  });

  it("a lookup by id reads one partition, and a date filter turned into an id range prunes the other months", async () => {
    const plan = async (q: string, params: unknown[]) =>
      JSON.stringify((await c.query(`EXPLAIN (FORMAT JSON) ${q}`, params)).rows[0]["QUERY PLAN"]).match(/"Relation Name":"intents_[a-z0-9]+"/g) ?? [];
    const id = newIntentId();
    expect(new Set(await plan(`SELECT * FROM intents WHERE id = $1`, [id])).size).toBe(1);
    const now = Date.now();
    // The condition listIntents and listIntentsPage add for "created in the last hour".
    const r = idRangeOfDates("int", new Date(now - 3_600_000))!;
    const months = new Set(await plan(`SELECT * FROM intents WHERE org_id = $1 AND (id < $2 OR id >= $3 OR id >= $4)`, [ORG, r.oldBelow, r.oldFrom, r.low]));
    // This month (and the months ahead, empty) and DEFAULT; never last month.
    const lastMonth = new Date(Date.UTC(new Date(now).getUTCFullYear(), new Date(now).getUTCMonth() - 1, 1));
    const name = `intents_p${lastMonth.getUTCFullYear()}${String(lastMonth.getUTCMonth() + 1).padStart(2, "0")}`;
    expect([...months].join(" ")).not.toContain(name);
    expect([...months].join(" ")).toContain("intents_default");
  });

  it("two submits racing with one idempotency key into different months: exactly one is stored", async () => {
    const key = `race-${crypto.randomUUID()}`;
    const [a, b] = [await connect(), await connect()];
    try {
      await a.query("BEGIN");
      await b.query("BEGIN");
      await a.query(
        `INSERT INTO intents (id, org_id, agent_id, api_key_id, amount, currency, reason, idempotency_key, request_hash)
         VALUES ($1, $2, $3, 'key_upgrade', 100, 'INR', 'race', $4, 'h')`,
        [newIntentId(lastMonth()), ORG, AGENT, key],
      );
      // b waits on a's transaction lock for the key, then sees a's committed row.
      const second = b
        .query(
          `INSERT INTO intents (id, org_id, agent_id, api_key_id, amount, currency, reason, idempotency_key, request_hash)
           VALUES ($1, $2, $3, 'key_upgrade', 100, 'INR', 'race', $4, 'h')`,
          [newIntentId(), ORG, AGENT, key],
        )
        .then(
          () => "stored",
          (e: { code?: string; constraint?: string }) => `${e.code} ${e.constraint}`,
        );
      await a.query("COMMIT");
      expect(await second).toBe("23505 intents_api_key_id_idempotency_key_key");
      await b.query("ROLLBACK");
      const { rows } = await c.query(`SELECT count(*)::int AS n FROM intents WHERE idempotency_key = $1`, [key]);
      expect(rows[0].n).toBe(1);
    } finally {
      await a.end();
      await b.end();
    }
  });

  it("two sealers racing for one chain position in different months: exactly one is stored", async () => {
    const [a, b] = [await connect(), await connect()];
    const insert = (client: pg.Client, id: string) =>
      client.query(
        `INSERT INTO audit_events (id, org_id, actor_type, actor_label, action, target_type, target_id, seq, prev_hash, hash)
         VALUES ($1, $2, 'system', 'system', 'test', 'organization', $2, 77, 'p', 'h')`,
        [id, ORG],
      );
    try {
      await a.query("BEGIN");
      await b.query("BEGIN");
      await insert(a, newAuditEventId(lastMonth()));
      const second = insert(b, newAuditEventId()).then(
        () => "stored",
        (e: { code?: string; constraint?: string }) => `${e.code} ${e.constraint}`,
      );
      await a.query("COMMIT");
      expect(await second).toBe("23505 audit_events_org_id_seq_key");
      await b.query("ROLLBACK");
    } finally {
      await a.end();
      await b.end();
    }
  });
});
