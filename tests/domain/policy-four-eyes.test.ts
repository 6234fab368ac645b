import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import { toPolicyDocument, type PolicyDocument } from "@/lib/policies/engine";
import { getOrgPolicy } from "@/lib/policies/get-org-policy";
import { approvePolicyChange } from "@/lib/policies/proposals/approve-policy-change";
import { listPolicyChanges } from "@/lib/policies/proposals/list-policy-changes";
import { proposePolicyChange } from "@/lib/policies/proposals/propose-policy-change";
import { rejectPolicyChange } from "@/lib/policies/proposals/reject-policy-change";
import { setOrgPolicy } from "@/lib/policies/set-org-policy";
import { getActiveShadowPolicy } from "@/lib/policies/shadow/get-active-shadow-policy";
import { startShadowPolicy } from "@/lib/policies/shadow/start-shadow-policy";
import { createTestDb } from "./support/test-db";
import { seedOrg } from "./support/seed";

let db: Db;
let close: () => Promise<void>;
beforeAll(async () => ({ db, close } = await createTestDb()), 120_000); // migrating a fresh PGlite takes seconds
afterAll(() => close());

const live = async (orgId: string) => {
  const p = await getOrgPolicy(db, orgId);
  return { version: p.version, doc: toPolicyDocument(p.policy) };
};
const withRules = (doc: PolicyDocument, rules: Partial<PolicyDocument["rules"]>): PolicyDocument => ({ ...doc, rules: { ...doc.rules, ...rules } });
const audit = (orgId: string, action: string) => db.auditEvent.findMany({ where: { orgId, action }, orderBy: { createdAt: "asc" } });

/** An organisation with two admins (four eyes apply), an approver, and a first version: auto-approve up to ₹10,000. */
async function twoAdmins() {
  const s = await seedOrg(db, { admin: "admin", controller: "admin", approver: "approver" });
  const v0 = await live(s.org.id);
  await setOrgPolicy(db, "system", s.org.id, withRules(v0.doc, { auto_approve_limit: 1_000_000 }), 0, "Starting policy");
  return { ...s, admin: s.people.admin, controller: s.people.controller, approver: s.people.approver };
}

describe("four eyes on policy", () => {
  it("with two admins an edit waits; the proposer cannot approve it; a second admin makes it live", async () => {
    const s = await twoAdmins();
    const before = await live(s.org.id);
    const p = await proposePolicyChange(db, s.admin, s.org.id, {
      kind: "edit",
      base_version: before.version,
      document: withRules(before.doc, { auto_approve_limit: 1_500_000 }),
      reason: "Quarter-end volume",
    });
    expect(p.status).toBe("pending");
    expect(p.changes).toEqual(["Auto-approve up to ₹10,000.00 → ₹15,000.00"]);
    expect((await live(s.org.id)).version).toBe(before.version); // nothing went live yet

    await expect(approvePolicyChange(db, s.admin, s.org.id, p.id)).rejects.toMatchObject({
      code: "forbidden",
      message: expect.stringMatching(/another admin/),
    });
    await expect(approvePolicyChange(db, s.approver, s.org.id, p.id)).rejects.toMatchObject({ code: "forbidden" });
    expect((await live(s.org.id)).version).toBe(before.version);

    const approved = await approvePolicyChange(db, s.controller, s.org.id, p.id);
    expect(approved).toMatchObject({ status: "approved", approval: "second_admin", applied_version: before.version + 1, decided_by: s.controller.email });
    const after = await live(s.org.id);
    expect(after.version).toBe(before.version + 1);
    expect(after.doc.rules.auto_approve_limit).toBe(1_500_000);
    const version = await db.policy.findFirstOrThrow({ where: { orgId: s.org.id, version: after.version } });
    expect(version).toMatchObject({ reason: "Quarter-end volume", proposalId: p.id });
    const [updated] = (await audit(s.org.id, "policy.updated")).slice(-1);
    expect(updated.data).toMatchObject({ approval: "second_admin", proposal_id: p.id, reason: "Quarter-end volume" });
    expect(await audit(s.org.id, "policy.change_approved")).toHaveLength(1);
    // Decided once: a second approval is a conflict, not a second version.
    await expect(approvePolicyChange(db, s.controller, s.org.id, p.id)).rejects.toMatchObject({ code: "conflict" });
  });

  it("another organisation's admin gets not found; an approver cannot list", async () => {
    const s = await twoAdmins();
    const other = await seedOrg(db, { admin: "admin" });
    const before = await live(s.org.id);
    const p = await proposePolicyChange(db, s.admin, s.org.id, {
      kind: "edit",
      base_version: before.version,
      document: withRules(before.doc, { hard_limit: 9_000_000 }),
      reason: "r",
    });
    await expect(approvePolicyChange(db, other.people.admin, other.org.id, p.id)).rejects.toMatchObject({ code: "not_found" });
    await expect(rejectPolicyChange(db, other.people.admin, other.org.id, p.id, "no")).rejects.toMatchObject({ code: "not_found" });
    await expect(approvePolicyChange(db, other.people.admin, s.org.id, p.id)).rejects.toMatchObject({ code: "not_found" });
    await expect(listPolicyChanges(db, s.approver, s.org.id)).rejects.toMatchObject({ code: "forbidden" });
    expect((await listPolicyChanges(db, s.controller, s.org.id, { status: "pending" })).map((c) => c.id)).toEqual([p.id]);
  });

  it("a proposal whose base is no longer live is superseded and refused", async () => {
    const s = await twoAdmins();
    const before = await live(s.org.id);
    const first = await proposePolicyChange(db, s.admin, s.org.id, {
      kind: "edit",
      base_version: before.version,
      document: withRules(before.doc, { hard_limit: 8_000_000 }),
      reason: "a",
    });
    const second = await proposePolicyChange(db, s.controller, s.org.id, {
      kind: "edit",
      base_version: before.version,
      document: withRules(before.doc, { hard_limit: 7_000_000 }),
      reason: "b",
    });
    await approvePolicyChange(db, s.controller, s.org.id, first.id);
    await expect(approvePolicyChange(db, s.admin, s.org.id, second.id)).rejects.toMatchObject({
      code: "conflict",
      message: expect.stringMatching(/superseded/),
    });
    expect((await live(s.org.id)).doc.rules.hard_limit).toBe(8_000_000);
    expect((await listPolicyChanges(db, s.admin, s.org.id)).find((c) => c.id === second.id)?.status).toBe("superseded");
    // Proposing on a stale base is refused outright.
    await expect(
      proposePolicyChange(db, s.admin, s.org.id, {
        kind: "edit",
        base_version: before.version,
        document: withRules(before.doc, { hard_limit: 6_000_000 }),
        reason: "c",
      }),
    ).rejects.toMatchObject({ code: "conflict" });
  });

  it("a single-admin organisation's change goes live at once, and says so", async () => {
    const s = await seedOrg(db, { admin: "admin", approver: "approver" });
    const p = await proposePolicyChange(db, s.people.admin, s.org.id, {
      kind: "edit",
      base_version: 0,
      document: withRules((await live(s.org.id)).doc, { auto_approve_limit: 200_000 }),
      reason: "Tighter",
    });
    expect(p).toMatchObject({ status: "approved", approval: "single_admin", applied_version: 1 });
    expect((await live(s.org.id)).doc.rules.auto_approve_limit).toBe(200_000);
    expect((await audit(s.org.id, "policy.updated"))[0].data).toMatchObject({ approval: "single_admin", reason: "Tighter" });
  });

  it("the CLI operator is exempt from four eyes, and the audit log says so", async () => {
    const s = await twoAdmins();
    const before = await live(s.org.id);
    const saved = await setOrgPolicy(db, "system", s.org.id, withRules(before.doc, { hard_limit: 4_000_000 }), before.version, "Incident: cap spending");
    expect(saved.version).toBe(before.version + 1);
    const [updated] = (await audit(s.org.id, "policy.updated")).slice(-1);
    expect(updated).toMatchObject({ actorType: "system", data: expect.objectContaining({ approval: "operator", reason: "Incident: cap spending" }) });
  });

  it("an earlier version is restored through the same four eyes", async () => {
    const s = await twoAdmins();
    const v1 = await live(s.org.id);
    await setOrgPolicy(db, "system", s.org.id, withRules(v1.doc, { auto_approve_limit: 50_000 }), v1.version, "Lower");
    const p = await proposePolicyChange(db, s.controller, s.org.id, {
      kind: "restore",
      base_version: v1.version + 1,
      version: v1.version,
      reason: "Back to v1",
    });
    expect(p).toMatchObject({ status: "pending", kind: "restore", restored_version: v1.version });
    expect(p.changes).toEqual(["Auto-approve up to ₹500.00 → ₹10,000.00"]);
    await expect(approvePolicyChange(db, s.controller, s.org.id, p.id)).rejects.toMatchObject({ code: "forbidden" });
    await approvePolicyChange(db, s.admin, s.org.id, p.id);
    const after = await live(s.org.id);
    expect(after.version).toBe(v1.version + 2);
    expect(after.doc).toEqual(v1.doc);
  });

  it("one agent's own rules change through four eyes, named in plain words", async () => {
    const s = await twoAdmins();
    const before = await live(s.org.id);
    const p = await proposePolicyChange(db, s.admin, s.org.id, {
      kind: "agent_override",
      base_version: before.version,
      agent_id: s.agent.id,
      override: { hard_limit: 5_000_000 },
      reason: "Bot buys hardware",
    });
    expect(p.changes).toEqual(["Bot: Deny above (organisation's rule) → ₹50,000.00"]);
    expect((await live(s.org.id)).doc.agent_overrides).toEqual({});
    await approvePolicyChange(db, s.controller, s.org.id, p.id);
    expect((await live(s.org.id)).doc.agent_overrides[s.agent.id]).toEqual({ hard_limit: 5_000_000 });

    const removal = await proposePolicyChange(db, s.controller, s.org.id, {
      kind: "agent_override",
      base_version: before.version + 1,
      agent_id: s.agent.id,
      override: null,
      reason: "Done",
    });
    expect(removal.changes).toEqual(["Bot: own rules removed (the organisation's rules apply)"]);
    // The proposer withdraws their own change; nothing goes live.
    expect((await rejectPolicyChange(db, s.controller, s.org.id, removal.id, "Not yet")).status).toBe("withdrawn");
    expect((await live(s.org.id)).doc.agent_overrides[s.agent.id]).toEqual({ hard_limit: 5_000_000 });
  });

  it("promoting the shadow draft goes through four eyes and stops the shadow", async () => {
    const s = await twoAdmins();
    const before = await live(s.org.id);
    await startShadowPolicy(db, s.admin, s.org.id, withRules(before.doc, { auto_approve_limit: 0 }));
    const p = await proposePolicyChange(db, s.admin, s.org.id, { kind: "promote_shadow", base_version: before.version, reason: "Shadow agreed for a week" });
    expect(p.status).toBe("pending");
    const rejected = await rejectPolicyChange(db, s.controller, s.org.id, p.id, "Not this quarter");
    expect(rejected).toMatchObject({ status: "rejected", decision_reason: "Not this quarter" });
    await expect(approvePolicyChange(db, s.controller, s.org.id, p.id)).rejects.toMatchObject({ code: "conflict" });

    const again = await proposePolicyChange(db, s.admin, s.org.id, { kind: "promote_shadow", base_version: before.version, reason: "Now" });
    await approvePolicyChange(db, s.controller, s.org.id, again.id);
    expect((await live(s.org.id)).doc.rules.auto_approve_limit).toBe(0);
    expect(await getActiveShadowPolicy(db, s.org.id)).toBeNull();
  });

  it("a person's change that changes nothing is refused", async () => {
    const s = await twoAdmins();
    const before = await live(s.org.id);
    await expect(
      proposePolicyChange(db, s.admin, s.org.id, { kind: "edit", base_version: before.version, document: before.doc, reason: "noop" }),
    ).rejects.toMatchObject({
      code: "validation_error",
    });
  });
});
