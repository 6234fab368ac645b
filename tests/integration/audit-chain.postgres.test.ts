import { describe, expect, inject, it } from "vitest";
import { eventually, sql } from "./support/database";
import { admin, createOrg, intentBody } from "./support/factories";
import { api } from "./support/http";

const onPostgres = inject("databaseKind") === "postgresql";

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

describe.runIf(onPostgres)("audit chain against edits in the database", () => {
  it("catches a row edited in place and points at it", async () => {
    const { org, rows } = await sealedOrg();
    const victim = rows[5];
    await sql(`UPDATE audit_events SET actor_label = 'someone-else@example.com' WHERE id = $1`, [victim.id]);
    const res = await api(org.admin.key, "GET", "/api/v1/audit/verify");
    expect(res.body).toMatchObject({ ok: false, checked: 5, first_broken: { id: victim.id, seq: victim.seq, reason: "hash_mismatch" } });
    const [cli] = await admin<any[]>(["audit", "verify"], { org: org.id });
    expect(cli.first_broken).toMatchObject({ id: victim.id, reason: "hash_mismatch" });
  });

  it("catches an edit whose hash was recomputed (the next link breaks) and a deleted row", async () => {
    const { org, rows } = await sealedOrg();
    await sql(`UPDATE audit_events SET data = jsonb_set(data, '{amount}', '1'), hash = repeat('a', 64) WHERE id = $1`, [rows[3].id]);
    expect((await api(org.admin.key, "GET", "/api/v1/audit/verify")).body.first_broken).toMatchObject({ seq: rows[3].seq, reason: "hash_mismatch" });

    const other = await sealedOrg();
    await sql(`DELETE FROM audit_events WHERE id = $1`, [other.rows[2].id]);
    const res = await api(other.org.admin.key, "GET", "/api/v1/audit/verify");
    expect(res.body.first_broken).toMatchObject({ id: other.rows[3].id, reason: "sequence_gap" });
  });

  it("keeps other organisations' chains intact", async () => {
    const { org } = await sealedOrg();
    expect((await api(org.admin.key, "GET", "/api/v1/audit/verify")).body.ok).toBe(true);
  });
});
