import fc from "fast-check";
import canonicalizePackage from "canonicalize";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chainAuditEvents } from "@/lib/audit/chain-audit-events";
import { exportAuditEvidence } from "@/lib/audit/export-audit-evidence";
import { verifyAuditChain } from "@/lib/audit/verify-audit-chain";
import type { Db } from "@/lib/db/client";
import { canonicalize, verifyExport } from "../../sdk/audit-verify/lib/index.js";
import { makeEvidence } from "./support/evidence-fixture";
import { seedOrg } from "./support/seed";
import { tamper } from "./support/tamper";

let db: Db;
let close: () => Promise<void>;
beforeAll(async () => ({ db, close } = await (await import("./support/test-db")).createTestDb()), 120_000);
afterAll(() => close());

const parse = (lines: string[]) => lines.map((l) => JSON.parse(l));
const collect = async (it: AsyncIterable<string>) => {
  const out: string[] = [];
  for await (const l of it) out.push(l);
  return out;
};

describe("the evidence export, verified by sdk/audit-verify", { timeout: 60_000 }, () => {
  it("exports purge tombstone, rotation and checkpoints that the offline verifier accepts", async () => {
    const { orgId, lines } = await makeEvidence(db);
    const rows = parse(lines);
    expect(rows[0]).toMatchObject({ type: "header", format: "aegis-audit-export", version: 1, org: { id: orgId } });
    expect(rows.filter((r) => r.type === "key")).toHaveLength(2);
    const kinds = rows.filter((r) => r.type === "checkpoint").map((r) => r.kind);
    expect(kinds).toEqual(expect.arrayContaining(["periodic", "tombstone", "rotation", "export"]));
    const events = rows.filter((r) => r.type === "event");
    // The three old events were purged: the export starts after them, anchored by the tombstone.
    expect(events[0].seq).toBe("4");
    expect(rows[0].anchor).toMatchObject({ seq: "3" });
    const report = await verifyExport(lines);
    expect(report.problems).toEqual([]);
    expect(report).toMatchObject({ ok: true, events: { checked: events.length, last_seq: events.at(-1).seq } });
    // The app's own check starts from the tombstone too.
    expect(await verifyAuditChain(db, "system", orgId)).toMatchObject({ ok: true, checked: events.length });
  });

  it("a date range is widened to signed checkpoints and verifies on its own", async () => {
    const s = await seedOrg(db, { admin: "admin" });
    await chainAuditEvents(db, s.org.id);
    await collect(exportAuditEvidence(db, s.people.admin, s.org.id)); // signs the head
    const from = new Date(Date.now() - 86_400_000);
    const lines = await collect(exportAuditEvidence(db, s.people.admin, s.org.id, { from, to: new Date(Date.now() + 86_400_000) }));
    expect((await verifyExport(lines)).ok).toBe(true);
    const none = await collect(exportAuditEvidence(db, s.people.admin, s.org.id, { to: new Date("2001-01-01") }));
    expect(parse(none).filter((r) => r.type === "event")).toHaveLength(0);
    expect((await verifyExport(none)).ok).toBe(true);
  });

  it("an edit made with the triggers off is caught by the app's check and by the verifier, naming the event", async () => {
    const { orgId, lines } = await makeEvidence(db);
    const victim = parse(lines).filter((r) => r.type === "event")[2];
    await tamper(db, [`UPDATE audit_events SET data = jsonb_set(data, '{status}', '"active"') WHERE id = '${victim.id}'`]);
    expect((await verifyAuditChain(db, "system", orgId)).first_broken).toMatchObject({ id: victim.id, reason: "hash_mismatch" });
    const after = await collect(exportAuditEvidence(db, "system", orgId));
    const report = await verifyExport(after);
    expect(report.ok).toBe(false);
    expect(report.problems[0]).toMatchObject({ code: "edited", id: victim.id, seq: victim.seq });
  });

  it("only people of the organisation export; agents and other organisations cannot", async () => {
    const s = await seedOrg(db, { viewer: "viewer" });
    const other = await seedOrg(db, { admin: "admin" });
    expect((await collect(exportAuditEvidence(db, s.people.viewer, s.org.id))).length).toBeGreaterThan(0);
    await expect(collect(exportAuditEvidence(db, other.people.admin, s.org.id))).rejects.toMatchObject({ code: "not_found" });
  });

  it("the verifier's own RFC 8785 canonical JSON agrees with the canonicalize package the app hashes with", () => {
    fc.assert(fc.property(fc.jsonValue(), (v) => canonicalize(v) === canonicalizePackage(v)));
  });
});
