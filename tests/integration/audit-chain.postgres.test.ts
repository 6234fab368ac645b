import pg from "pg";
import { describe, expect, inject, it } from "vitest";
import { eventually, sql } from "./support/database";
import { admin, createOrg, intentBody } from "./support/factories";
import { api } from "./support/http";
import { callAction } from "./support/server-actions";
import { raw, signIn } from "./support/session";

const onPostgres = inject("databaseKind") === "postgresql";

/**
 * What the tables' owner could still do: switch the append-only triggers off inside a transaction,
 * edit, switch them on again. The chain and its checkpoints must catch it anyway.
 */
async function tamper(statement: string, params: unknown[]) {
  const client = new pg.Client({ connectionString: inject("databaseUrl") });
  await client.connect();
  const toggle = (on: boolean) => client.query(`ALTER TABLE audit_events ${on ? "ENABLE" : "DISABLE"} TRIGGER audit_events_append_only`);
  try {
    await client.query("BEGIN");
    await toggle(false);
    await client.query(statement, params);
    await toggle(true);
    await client.query("COMMIT");
  } finally {
    await client.end();
  }
}

/** A fresh organisation with a sealed chain of a dozen or more events. */
async function sealedOrg() {
  const org = await createOrg();
  for (const amount of [1_000, 2_000]) await api(org.agent.key, "POST", "/api/v1/intents", intentBody({ amount }));
  await eventually(
    () => api(org.admin.key, "GET", "/api/v1/audit/verify"),
    (r) => r.body.pending === 0,
  );
  const rows = await sql<{ id: string; seq: string }>("SELECT id, seq::text AS seq FROM audit_events WHERE org_id = $1 ORDER BY audit_events.seq", [org.id]);
  return { org, rows };
}

describe.runIf(onPostgres)("append-only audit tables on PostgreSQL", () => {
  it("the app's own role cannot UPDATE, DELETE or TRUNCATE audit events or checkpoints with plain SQL", async () => {
    const { org, rows } = await sealedOrg();
    // The role the server itself connects as (the same DATABASE_URL), which owns the tables.
    const [{ role, owner }] = await sql(`SELECT current_user AS role, tableowner AS owner FROM pg_tables WHERE tablename = 'audit_events'`);
    expect(role).toBe(owner);
    await expect(sql(`UPDATE audit_events SET actor_label = 'x' WHERE id = $1`, [rows[2].id])).rejects.toThrow(/append-only: UPDATE/);
    await expect(sql(`UPDATE audit_events SET seq = NULL, hash = NULL, prev_hash = NULL WHERE org_id = $1`, [org.id])).rejects.toThrow(/append-only/);
    await expect(sql(`DELETE FROM audit_events WHERE id = $1`, [rows.at(-1)!.id])).rejects.toThrow(/append-only: DELETE/);
    await expect(sql(`TRUNCATE audit_events CASCADE`)).rejects.toThrow(/TRUNCATE refused/);
    const [cp] = await sql(`SELECT id FROM audit_checkpoints WHERE org_id = $1 LIMIT 1`, [org.id]).then(async (r) =>
      r.length ? r : (await api(org.admin.key, "GET", "/api/v1/audit/export"), sql(`SELECT id FROM audit_checkpoints WHERE org_id = $1 LIMIT 1`, [org.id])),
    );
    await expect(sql(`UPDATE audit_checkpoints SET hash = 'x' WHERE id = $1`, [cp.id])).rejects.toThrow(/append-only/);
    await expect(sql(`DELETE FROM audit_checkpoints WHERE id = $1`, [cp.id])).rejects.toThrow(/append-only/);
    await expect(sql(`DELETE FROM audit_signing_keys WHERE org_id = $1`, [org.id])).rejects.toThrow(/kept for verification/);
    expect((await api(org.admin.key, "GET", "/api/v1/audit/verify")).body).toMatchObject({ ok: true, checked: rows.length });
  });
});

describe.runIf(onPostgres)("audit chain against edits in the database", () => {
  it("catches a row edited in place and points at it", async () => {
    const { org, rows } = await sealedOrg();
    const victim = rows[5];
    await tamper(`UPDATE audit_events SET actor_label = 'someone-else@example.com' WHERE id = $1`, [victim.id]);
    const res = await api(org.admin.key, "GET", "/api/v1/audit/verify");
    expect(res.body).toMatchObject({ ok: false, checked: 5, first_broken: { id: victim.id, seq: victim.seq, reason: "hash_mismatch" } });
    const [cli] = await admin<any[]>(["audit", "verify"], { org: org.id });
    expect(cli.first_broken).toMatchObject({ id: victim.id, reason: "hash_mismatch" });
  });

  it("catches an edit whose hash was recomputed (the next link breaks) and a deleted row", async () => {
    const { org, rows } = await sealedOrg();
    await tamper(`UPDATE audit_events SET data = jsonb_set(data, '{amount}', '1'), hash = repeat('a', 64) WHERE id = $1`, [rows[3].id]);
    expect((await api(org.admin.key, "GET", "/api/v1/audit/verify")).body.first_broken).toMatchObject({ seq: rows[3].seq, reason: "hash_mismatch" });

    const other = await sealedOrg();
    await tamper(`DELETE FROM audit_events WHERE id = $1`, [other.rows[2].id]);
    const res = await api(other.org.admin.key, "GET", "/api/v1/audit/verify");
    expect(res.body.first_broken).toMatchObject({ id: other.rows[3].id, reason: "sequence_gap" });
  });

  it("keeps other organisations' chains intact", async () => {
    const { org } = await sealedOrg();
    expect((await api(org.admin.key, "GET", "/api/v1/audit/verify")).body.ok).toBe(true);
  });
});

type Check = { id: string; requested_at: Date; finished_at: Date | null; ok: boolean | null; checked: number | null; first_broken: { id: string } | null };
/** The organisation's stored checks requested since a moment (sealedOrg's own API checks come before it). */
const checksOf = (orgId: string, since = new Date(0)) =>
  sql<Check>(
    "SELECT id, requested_at, finished_at, ok, checked, first_broken FROM audit_verifications WHERE org_id = $1 AND requested_at >= $2 ORDER BY requested_at",
    [orgId, since],
  );

describe.runIf(onPostgres)("the dashboard's chain check, run in the background", () => {
  it("a burst of Check again clicks makes one open check at a time; the job stores the complete report, broken after an edit", async () => {
    const { org, rows } = await sealedOrg();
    const since = new Date();
    const cookie = (await signIn(org.admin.email, "correct horse battery")).cookie!;
    const click = async () => {
      const res = await callAction({ cookie, page: "/audit/verify", action: "requestVerificationAction", args: [], baseUrl: inject("baseUrl") });
      expect(res.result).toMatchObject({ ok: true });
      return (res.result as { data: { id: string } }).data.id;
    };
    const ids = await Promise.all(Array.from({ length: 8 }, click));
    let checks = await checksOf(org.id, since);
    // Every click got a stored check, and no two were open at once (the job may finish one mid-burst).
    expect(new Set(ids)).toEqual(new Set(checks.map((c) => c.id)));
    expect(checks.length).toBeLessThan(ids.length);
    for (let i = 1; i < checks.length; i++) expect(checks[i].requested_at.getTime()).toBeGreaterThanOrEqual(checks[i - 1].finished_at!.getTime());
    checks = await eventually(
      () => checksOf(org.id, since),
      (c) => c.every((x) => x.finished_at !== null),
    );
    expect(checks.at(-1)).toMatchObject({ ok: true, checked: rows.length, first_broken: null });

    await tamper(`UPDATE audit_events SET data = jsonb_set(data, '{tampered}', 'true') WHERE id = $1`, [rows[4].id]);
    const id = await click();
    const done = await eventually(
      () => checksOf(org.id, since),
      (c) => c.find((x) => x.id === id)?.finished_at != null,
    );
    expect(done.find((x) => x.id === id)).toMatchObject({ ok: false, checked: 4, first_broken: { id: rows[4].id } });
    const page = await raw("GET", "/audit/verify", { baseUrl: inject("baseUrl"), headers: { Cookie: cookie } });
    expect(page.status).toBe(200);
    expect(page.body).toContain("The chain is broken");
    expect(page.body).toContain(rows[4].id);
  });

  it("approvers and viewers get the not-found page, start no check, and the action refuses them", async () => {
    const { org } = await sealedOrg();
    const since = new Date();
    for (const who of [org.approver, org.viewer]) {
      const cookie = (await signIn(who.email, "correct horse battery")).cookie!;
      // The dashboard streams (loading.tsx), so notFound() is the not-found page in a 200.
      const page = await raw("GET", "/audit/verify", { baseUrl: inject("baseUrl"), headers: { Cookie: cookie } });
      expect(page.body).toContain("This record does not exist");
      expect(page.body).not.toContain("Checking the chain");
      const res = await callAction({ cookie, page: "/audit/verify", action: "requestVerificationAction", args: [], baseUrl: inject("baseUrl") });
      expect(res.result).toMatchObject({ ok: false, code: "forbidden" });
    }
    expect(await checksOf(org.id, since)).toEqual([]);
  });
});

describe.runIf(onPostgres)("GET /api/v1/audit/verify, one check at a time", () => {
  it("concurrent callers share one complete check; max_age answers from the stored one", async () => {
    const { org, rows } = await sealedOrg();
    const since = new Date();
    const answers = await Promise.all(Array.from({ length: 6 }, () => api(org.admin.key, "GET", "/api/v1/audit/verify")));
    expect(answers.map((a) => a.status)).toEqual(Array(6).fill(200));
    const checks = await checksOf(org.id, since);
    // Six callers, at most a couple of checks (one may finish before a late caller arrives), never six.
    expect(checks.length).toBeLessThanOrEqual(2);
    expect(new Set(answers.map((a) => a.body.verification_id))).toEqual(new Set(checks.map((c) => c.id)));
    expect(answers[0].body).toMatchObject({ object: "audit_chain_report", ok: true, checked: rows.length, first_broken: null });
    const stored = await api(org.admin.key, "GET", "/api/v1/audit/verify?max_age=600");
    expect(checks.map((c) => c.id)).toContain(stored.body.verification_id);
    expect(await checksOf(org.id, since)).toHaveLength(checks.length);
    expect((await api(org.admin.key, "GET", "/api/v1/audit/verify?wait=99")).status).toBe(400);
  });
});
