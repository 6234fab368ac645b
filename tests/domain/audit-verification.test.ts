import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chainAuditEvents } from "@/lib/audit/chain-audit-events";
import { getAuditVerificationState } from "@/lib/audit/get-audit-verification-state";
import { requestAuditVerification } from "@/lib/audit/request-audit-verification";
import { runAuditVerifications, VERIFICATION_LEASE_MS } from "@/lib/audit/run-audit-verifications";
import type { Db } from "@/lib/db/client";
import { createTestDb } from "./support/test-db";
import { seedOrg } from "./support/seed";
import { tamper } from "./support/tamper";

let db: Db;
let close: () => Promise<void>;
beforeAll(async () => ({ db, close } = await createTestDb()), 120_000);
afterAll(() => close());

/** An organisation whose every audit event (from seeding it) is sealed into the chain. */
async function sealedOrg() {
  const s = await seedOrg(db, { admin: "admin", approver: "approver", viewer: "viewer" });
  await chainAuditEvents(db, s.org.id);
  const rows = await db.auditEvent.findMany({ where: { orgId: s.org.id }, orderBy: { seq: "asc" } });
  expect(rows.length).toBeGreaterThan(4);
  expect(rows.every((r) => r.seq !== null)).toBe(true);
  return { ...s, rows };
}

const stored = (id: string) => db.auditVerification.findUniqueOrThrow({ where: { id } });

describe("audit chain checks off the request, in process on PGlite", { timeout: 60_000 }, () => {
  it("requesting twice while one is open gives the same open check", async () => {
    const { org, people } = await sealedOrg();
    const first = await requestAuditVerification(db, people.admin, org.id);
    const second = await requestAuditVerification(db, people.admin, org.id);
    expect(second.id).toBe(first.id);
    expect(first).toMatchObject({ requested_by: people.admin.label, finished_at: null, started_at: null });
    expect(await db.auditVerification.count({ where: { orgId: org.id } })).toBe(1);
    const state = await getAuditVerificationState(db, people.admin, org.id);
    expect(state).toMatchObject({ latest: null, open: { id: first.id } });
  });

  it("the job stores a complete intact report; the next request is a new check", async () => {
    const { org, people, rows } = await sealedOrg();
    const requested = await requestAuditVerification(db, people.admin, org.id);
    expect(await runAuditVerifications(db)).toBeGreaterThanOrEqual(1);
    const row = await stored(requested.id);
    const last = rows.at(-1)!;
    expect(row).toMatchObject({ ok: true, checked: rows.length, pending: 0, headSeq: last.seq, headHash: last.hash, error: null });
    expect(row.firstBroken).toBeNull();
    expect(row.startedAt).not.toBeNull();
    expect(row.finishedAt!.getTime()).toBeGreaterThanOrEqual(row.startedAt!.getTime());
    const state = await getAuditVerificationState(db, people.admin, org.id);
    expect(state).toMatchObject({ open: null, latest: { id: requested.id, ok: true, checked: rows.length, head: { seq: String(last.seq), hash: last.hash } } });
    const again = await requestAuditVerification(db, people.admin, org.id);
    expect(again.id).not.toBe(requested.id);
    await runAuditVerifications(db);
    expect((await getAuditVerificationState(db, people.admin, org.id)).latest?.id).toBe(again.id);
  });

  it("an event edited in the database makes the stored report broken, naming that event", async () => {
    const { org, people, rows } = await sealedOrg();
    const victim = rows[3];
    await tamper(db, [`UPDATE audit_events SET data = jsonb_set(data, '{tampered}', 'true') WHERE id = '${victim.id}'`]);
    const requested = await requestAuditVerification(db, people.admin, org.id);
    await runAuditVerifications(db);
    const row = await stored(requested.id);
    expect(row).toMatchObject({ ok: false, checked: 3, error: null });
    expect(row.firstBroken).toMatchObject({ id: victim.id, seq: String(victim.seq), reason: "hash_mismatch" });
  });

  it("a claim whose run died is taken over after the lease; a live one is left alone", async () => {
    const { org, people, rows } = await sealedOrg();
    const requested = await requestAuditVerification(db, people.admin, org.id);
    const live = new Date(Date.now() - 60_000);
    await db.auditVerification.update({ where: { id: requested.id }, data: { startedAt: live, claimedAt: live } });
    await runAuditVerifications(db);
    expect(await stored(requested.id)).toMatchObject({ finishedAt: null, claimedAt: live });

    const dead = new Date(Date.now() - VERIFICATION_LEASE_MS - 60_000);
    await db.auditVerification.update({ where: { id: requested.id }, data: { startedAt: dead, claimedAt: dead } });
    await runAuditVerifications(db);
    const row = await stored(requested.id);
    expect(row).toMatchObject({ ok: true, checked: rows.length });
    expect(row.finishedAt).not.toBeNull();
    expect(row.startedAt!.getTime()).toBeGreaterThan(dead.getTime());
  });

  it("only admins may request or read checks; another organisation's admin may not touch this one", async () => {
    const { org, people } = await sealedOrg();
    const other = await seedOrg(db, { admin: "admin" });
    for (const who of [people.approver, people.viewer]) {
      await expect(requestAuditVerification(db, who, org.id)).rejects.toMatchObject({ code: "forbidden" });
      await expect(getAuditVerificationState(db, who, org.id)).rejects.toMatchObject({ code: "forbidden" });
    }
    await expect(requestAuditVerification(db, other.people.admin, org.id)).rejects.toMatchObject({ code: "not_found" });
    expect(await db.auditVerification.count({ where: { orgId: org.id } })).toBe(0);
  });
});
