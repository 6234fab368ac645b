import { beforeAll, describe, expect, it } from "vitest";
import { admin, createOrg, createUser, type TestOrg, type TestUser } from "./support/factories";
import { api, expectError } from "./support/http";

// Four eyes on policy over HTTP (issue 20 item 6): an organisation with two admins.
let org: TestOrg;
let second: TestUser;
let other: TestOrg;
beforeAll(async () => {
  [org, other] = await Promise.all([createOrg(), createOrg()]);
  second = await createUser(org.id, "admin");
});

const current = async () => (await api(org.admin.key, "GET", "/api/v1/policy")).body;
const edit = (doc: any, rules: Record<string, unknown>) => ({ ...doc, rules: { ...doc.rules, ...rules } });

describe("four eyes on policy (API)", () => {
  it("PUT /policy proposes (202); the proposer cannot approve; a second admin makes it live", async () => {
    const before = await current();
    const put = await api(org.admin.key, "PUT", "/api/v1/policy", {
      base_version: before.version,
      document: edit(before.document, { auto_approve_limit: 1_500_000 }),
      reason: "Quarter-end volume",
    });
    expect(put.status).toBe(202);
    expect(put.body).toMatchObject({ object: "policy_change", kind: "edit", status: "pending", reason: "Quarter-end volume", proposed_by: org.admin.email });
    expect(put.body.changes).toEqual([
      `Auto-approve up to ₹${(before.document.rules.auto_approve_limit / 100).toLocaleString("en-IN", { minimumFractionDigits: 2 })} → ₹15,000.00`,
    ]);
    expect((await current()).version).toBe(before.version);

    const listed = await api(second.key, "GET", "/api/v1/policy/proposals?status=pending");
    expect(listed.status).toBe(200);
    expect(listed.body.data.map((p: { id: string }) => p.id)).toEqual([put.body.id]);

    const own = expectError(await api(org.admin.key, "POST", `/api/v1/policy/proposals/${put.body.id}/approve`), 403, "forbidden");
    expect(own.message).toMatch(/another admin must approve/);
    expect((await current()).version).toBe(before.version);

    const ok = await api(second.key, "POST", `/api/v1/policy/proposals/${put.body.id}/approve`);
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ status: "approved", approval: "second_admin", applied_version: before.version + 1, decided_by: second.email });
    const after = await current();
    expect(after.version).toBe(before.version + 1);
    expect(after.document.rules.auto_approve_limit).toBe(1_500_000);
  });

  it("agents, approvers and other organisations cannot see or decide proposals", async () => {
    const before = await current();
    const p = (
      await api(org.admin.key, "POST", "/api/v1/policy/proposals", {
        kind: "edit",
        base_version: before.version,
        document: edit(before.document, { hard_limit: 9_000_000 }),
        reason: "r",
      })
    ).body;
    expectError(await api(org.agent.key, "GET", "/api/v1/policy/proposals"), 403, "forbidden");
    expectError(await api(org.agent.key, "POST", `/api/v1/policy/proposals/${p.id}/approve`), 403, "forbidden");
    expectError(await api(org.approver.key, "POST", `/api/v1/policy/proposals/${p.id}/approve`), 403, "forbidden");
    expectError(
      await api(org.approver.key, "PUT", "/api/v1/policy", { base_version: before.version, document: before.document, reason: "r" }),
      403,
      "forbidden",
    );
    expectError(await api(other.admin.key, "POST", `/api/v1/policy/proposals/${p.id}/approve`), 404, "not_found");
    expectError(await api(other.admin.key, "POST", `/api/v1/policy/proposals/${p.id}/reject`, { reason: "no" }), 404, "not_found");
    expect((await api(other.admin.key, "GET", "/api/v1/policy/proposals")).body.data).toEqual([]);
    // A rejection needs its reason too; then nothing goes live.
    expectError(await api(second.key, "POST", `/api/v1/policy/proposals/${p.id}/reject`, {}), 400, "validation_error");
    const rejected = await api(second.key, "POST", `/api/v1/policy/proposals/${p.id}/reject`, { reason: "Too high" });
    expect(rejected.body).toMatchObject({ status: "rejected", decision_reason: "Too high" });
    expect((await current()).version).toBe(before.version);
  });

  it("a stale proposal is superseded and refused; restoring an old version goes through four eyes", async () => {
    const base = await current();
    const a = (
      await api(org.admin.key, "PUT", "/api/v1/policy", { base_version: base.version, document: edit(base.document, { hard_limit: 8_000_000 }), reason: "a" })
    ).body;
    const b = (
      await api(second.key, "PUT", "/api/v1/policy", { base_version: base.version, document: edit(base.document, { hard_limit: 7_000_000 }), reason: "b" })
    ).body;
    expect((await api(second.key, "POST", `/api/v1/policy/proposals/${a.id}/approve`)).status).toBe(200);
    const stale = expectError(await api(org.admin.key, "POST", `/api/v1/policy/proposals/${b.id}/approve`), 409, "conflict");
    expect(stale.message).toMatch(/superseded/);
    expect((await current()).document.rules.hard_limit).toBe(8_000_000);

    const restore = await api(org.admin.key, "POST", "/api/v1/policy/proposals", {
      kind: "restore",
      base_version: base.version + 1,
      version: base.version,
      reason: "Back",
    });
    expect(restore.status).toBe(202);
    expect(restore.body).toMatchObject({ kind: "restore", restored_version: base.version });
    await api(second.key, "POST", `/api/v1/policy/proposals/${restore.body.id}/approve`);
    expect((await current()).document).toEqual(base.document);
  });

  it("one agent's own rules change through four eyes", async () => {
    const base = await current();
    const p = await api(second.key, "POST", "/api/v1/policy/proposals", {
      kind: "agent_override",
      base_version: base.version,
      agent_id: org.agent.id,
      override: { hard_limit: 5_000_000 },
      reason: "Hardware",
    });
    expect(p.status).toBe(202);
    expect(p.body.changes).toEqual([expect.stringMatching(/^agent-\w+: Deny above \(organisation's rule\) → ₹50,000\.00$/)]);
    expectError(await api(second.key, "POST", `/api/v1/policy/proposals/${p.body.id}/approve`), 403, "forbidden");
    await api(org.admin.key, "POST", `/api/v1/policy/proposals/${p.body.id}/approve`);
    expect((await current()).document.agent_overrides[org.agent.id]).toEqual({ hard_limit: 5_000_000 });
    // Another organisation's agent is not found.
    expectError(
      await api(second.key, "POST", "/api/v1/policy/proposals", {
        kind: "agent_override",
        base_version: base.version + 1,
        agent_id: other.agent.id,
        override: {},
        reason: "x",
      }),
      404,
      "not_found",
    );
  });

  it("the CLI operator applies at once with two admins, recorded as the operator exemption", async () => {
    const shown = await admin<Record<string, any>>(["policy", "show"], { org: org.id });
    const saved = await admin<{ version: number; approval: string }>(["policy", "set"], {
      org: org.id,
      policy: { ...shown, rules: { ...shown.rules, hard_limit: 6_000_000 } },
      reason: "Incident",
    });
    expect(saved).toMatchObject({ version: shown.base_version + 1, approval: "operator" });
    // Recorded as a change the operator applied (its audit event is checked in tests/domain/policy-four-eyes.test.ts).
    const [last] = (await api(second.key, "GET", "/api/v1/policy/proposals?status=approved")).body.data;
    expect(last).toMatchObject({ proposed_by: "system", approval: "operator", reason: "Incident", applied_version: saved.version });
    expect((await current()).version).toBe(saved.version);
  });
});
