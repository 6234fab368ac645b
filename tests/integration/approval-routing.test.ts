import { beforeAll, describe, expect, it } from "vitest";
import { api, expectError } from "./support/http";
import { createAgent, createOrg, createUser, intentBody, type TestOrg, type TestUser } from "./support/factories";

/** Every describe gets its own organisation: groups route the whole organisation's approvals. */
async function needsApproval(org: TestOrg, overrides: Record<string, unknown> = {}) {
  const agent = await createAgent(org.id, 20_000_000);
  const intent = (await api(agent.key, "POST", "/api/v1/intents", intentBody({ amount: 2_000_000, ...overrides }))).body;
  expect(intent.status).toBe("pending_approval");
  return intent;
}
const inbox = async (user: TestUser) => (await api(user.key, "GET", "/api/v1/approvals")).body.data.map((a: { intent_id: string }) => a.intent_id);
const answer = (user: TestUser, intentId: string, decision = "approve") => api(user.key, "POST", `/api/v1/approvals/${intentId}`, { decision });
const createGroup = (org: TestOrg, body: Record<string, unknown>) => api(org.admin.key, "POST", "/api/v1/approver-groups", body);

describe("approver groups: the resource", () => {
  let org: TestOrg;
  beforeAll(async () => {
    org = await createOrg();
  });

  it("an admin creates, reads, updates and deletes a group; members may be given by email", async () => {
    const created = await createGroup(org, { name: "Cloud spend", members: [org.approver.email], merchant_categories: ["Cloud"], quorum: 1 });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ object: "approver_group", name: "Cloud spend", merchant_categories: ["cloud"], members: [{ id: org.approver.id }] });
    const id = created.body.id;
    expect((await api(org.viewer.key, "GET", `/api/v1/approver-groups/${id}`)).body.name).toBe("Cloud spend");
    const updated = await api(org.admin.key, "PATCH", `/api/v1/approver-groups/${id}`, { members: [org.approver2.id, org.approver.id], quorum: 2 });
    expect(updated.body).toMatchObject({ quorum: 2 });
    expect(updated.body.members.map((m: { id: string }) => m.id).sort()).toEqual([org.approver.id, org.approver2.id].sort());
    expect((await api(org.admin.key, "GET", "/api/v1/approver-groups")).body.data.map((g: { id: string }) => g.id)).toContain(id);
    expect((await api(org.admin.key, "DELETE", `/api/v1/approver-groups/${id}`)).body).toEqual({ id, object: "approver_group", deleted: true });
    expectError(await api(org.admin.key, "GET", `/api/v1/approver-groups/${id}`), 404, "not_found");
  });

  it("refuses non-admins, agents, bad members, duplicate names and another organisation's group", async () => {
    expectError(await api(org.approver.key, "POST", "/api/v1/approver-groups", { name: "Mine" }), 403, "forbidden");
    expectError(await api(org.agent.key, "GET", "/api/v1/approver-groups"), 403, "forbidden");
    expectError(await createGroup(org, { name: "X", members: ["nobody@nowhere.test"] }), 400, "validation_error");
    expectError(await createGroup(org, { name: "X", members: [org.viewer.email] }), 400, "validation_error");
    expectError(await createGroup(org, { name: "X", min_amount: 100 }), 400, "validation_error");
    expectError(await createGroup(org, { name: "X", quorum: 0 }), 400, "validation_error");
    // A group that could never decide its approvals is refused: no members, or fewer than its quorum.
    expectError(await createGroup(org, { name: "Nobody" }), 400, "validation_error");
    expectError(await createGroup(org, { name: "Too few", members: [org.approver.email], quorum: 3 }), 400, "validation_error");
    const one = (await createGroup(org, { name: "One", members: [org.approver.email] })).body.id;
    expectError(await api(org.admin.key, "PATCH", `/api/v1/approver-groups/${one}`, { quorum: 2 }), 400, "validation_error");
    expectError(await api(org.admin.key, "PATCH", `/api/v1/approver-groups/${one}`, { members: [] }), 400, "validation_error");
    expectError(await createGroup(org, { name: "X", surprise: true }), 400, "validation_error");
    expect((await createGroup(org, { name: "Twice", members: [org.approver.email] })).status).toBe(201);
    expectError(await createGroup(org, { name: "Twice", members: [org.approver.email] }), 409, "conflict");
    const other = await createOrg();
    const theirs = (await createGroup(other, { name: "Theirs", members: [other.approver.email] })).body.id;
    expectError(await api(org.admin.key, "GET", `/api/v1/approver-groups/${theirs}`), 404, "not_found");
    expectError(await api(org.admin.key, "PATCH", `/api/v1/approver-groups/${theirs}`, { name: "Mine now" }), 404, "not_found");
    expectError(await api(org.admin.key, "DELETE", `/api/v1/approver-groups/${theirs}`), 404, "not_found");
    expectError(await api(org.admin.key, "GET", "/api/v1/approver-groups/grp_%00"), 404, "not_found");
  });
});

describe("routing an approval to a group", () => {
  let org: TestOrg;
  let groupId: string;
  beforeAll(async () => {
    org = await createOrg();
    groupId = (await createGroup(org, { name: "Cloud spend", members: [org.approver2.email], merchant_categories: ["cloud"] })).body.id;
  });

  it("a matching approval goes to the group's members only (admins can always answer)", async () => {
    const intent = await needsApproval(org, { merchant_category: "cloud", merchant: "AWS" });
    const approval = (await api(org.admin.key, "GET", `/api/v1/approvals`)).body.data.find((a: { intent_id: string }) => a.intent_id === intent.id);
    expect(approval.group).toEqual({ id: groupId, name: "Cloud spend" });
    expect(await inbox(org.approver)).not.toContain(intent.id);
    expect(await inbox(org.approver2)).toContain(intent.id);
    const refused = expectError(await answer(org.approver, intent.id), 403, "forbidden");
    expect(refused.message).toContain("Cloud spend");
    expect((await answer(org.approver2, intent.id)).body).toMatchObject({ status: "approved", group: { name: "Cloud spend" } });
    const other = await needsApproval(org, { merchant_category: "cloud" });
    expect((await answer(org.admin, other.id)).body.status).toBe("approved");
  });

  it("an approval no group matches goes to every approver", async () => {
    const intent = await needsApproval(org, { merchant_category: "saas" });
    expect(await inbox(org.approver)).toContain(intent.id);
    expect((await answer(org.approver, intent.id)).body).toMatchObject({ status: "approved", group: null });
  });

  it("deleting the group hands its waiting approvals back to every approver", async () => {
    const temp = (await createGroup(org, { name: "Travel", members: [org.approver2.email], merchant_categories: ["travel"] })).body.id;
    const intent = await needsApproval(org, { merchant_category: "travel" });
    expect(await inbox(org.approver)).not.toContain(intent.id);
    await api(org.admin.key, "DELETE", `/api/v1/approver-groups/${temp}`);
    expect(await inbox(org.approver)).toContain(intent.id);
    expect((await answer(org.approver, intent.id)).body.status).toBe("approved");
  });

  it("amount bounds and agent filters route, first match by priority", async () => {
    const agent = await createAgent(org.id, 20_000_000);
    const big = (await createGroup(org, { name: "Large", members: [org.approver.email], currency: "INR", min_amount: 2_500_000, priority: 10 })).body.id;
    const mine = (await createGroup(org, { name: "This agent", members: [org.approver2.email], agent_ids: [agent.id], priority: 20 })).body.id;
    const submit = async (amount: number) => (await api(agent.key, "POST", "/api/v1/intents", intentBody({ amount }))).body;
    // Both stay inside the default daily budget (₹50,000) and above the auto-approve limit.
    const large = await submit(3_000_000);
    const small = await submit(1_500_000);
    const routed = async (id: string) =>
      (await api(org.admin.key, "GET", "/api/v1/approvals")).body.data.find((a: { intent_id: string }) => a.intent_id === id).group.id;
    expect(await routed(large.id)).toBe(big);
    expect(await routed(small.id)).toBe(mine);
  });
});

describe("quorum of N distinct approvers", () => {
  it("a group quorum of 3 needs three different people", async () => {
    const org = await createOrg();
    const approver3 = await createUser(org.id, "approver");
    await createGroup(org, { name: "Board", members: [org.approver.email, org.approver2.email, approver3.email], quorum: 3 });
    const intent = await needsApproval(org);
    expect((await answer(org.approver, intent.id)).body).toMatchObject({ status: "pending", approvals_required: 3 });
    expectError(await answer(org.approver, intent.id), 409, "approval_already_answered");
    expect((await answer(org.approver2, intent.id)).body.status).toBe("pending");
    const done = (await answer(approver3, intent.id)).body;
    expect(done).toMatchObject({ status: "approved", intent: { status: "approved" } });
    expect(done.responses).toHaveLength(3);
  });
});

describe("out-of-office delegation", () => {
  let org: TestOrg;
  beforeAll(async () => {
    org = await createOrg();
    await createGroup(org, { name: "Cloud spend", members: [org.approver2.email], merchant_categories: ["cloud"] });
  });

  it("the delegate answers the away member's group approvals while it runs, and not after it ends", async () => {
    const intent = await needsApproval(org, { merchant_category: "cloud" });
    expectError(await answer(org.approver, intent.id), 403, "forbidden");
    const now = Date.now();
    const dlg = await api(org.approver2.key, "POST", "/api/v1/delegations", {
      to_user: org.approver.email,
      starts_at: new Date(now - 60_000).toISOString(),
      ends_at: new Date(now + 3_600_000).toISOString(),
    });
    expect(dlg.status).toBe(201);
    expect(dlg.body).toMatchObject({ object: "delegation", active: true, from_user: { id: org.approver2.id }, to_user: { id: org.approver.id } });
    expect(await inbox(org.approver)).toContain(intent.id);
    const ended = await api(org.approver2.key, "DELETE", `/api/v1/delegations/${dlg.body.id}`);
    expect(ended.body.active).toBe(false);
    expect(await inbox(org.approver)).not.toContain(intent.id);
    expectError(await answer(org.approver, intent.id), 403, "forbidden");
  });

  it("delegating for someone else is admin-only; viewers, self and bad dates are refused", async () => {
    const span = { starts_at: new Date().toISOString(), ends_at: new Date(Date.now() + 86_400_000).toISOString() };
    expectError(
      await api(org.approver.key, "POST", "/api/v1/delegations", { from_user: org.approver2.email, to_user: org.admin.email, ...span }),
      403,
      "forbidden",
    );
    expect((await api(org.admin.key, "POST", "/api/v1/delegations", { from_user: org.approver2.email, to_user: org.approver.email, ...span })).status).toBe(
      201,
    );
    expectError(await api(org.approver.key, "POST", "/api/v1/delegations", { to_user: org.viewer.email, ...span }), 400, "validation_error");
    expectError(await api(org.approver.key, "POST", "/api/v1/delegations", { to_user: org.approver.email, ...span }), 400, "validation_error");
    expectError(
      await api(org.approver.key, "POST", "/api/v1/delegations", { to_user: org.approver2.email, starts_at: span.ends_at, ends_at: span.starts_at }),
      400,
      "validation_error",
    );
    expectError(await api(org.viewer.key, "POST", "/api/v1/delegations", { to_user: org.approver.email, ...span }), 403, "forbidden");
    expectError(await api(org.agent.key, "GET", "/api/v1/delegations"), 403, "forbidden");
    const other = await createOrg();
    expectError(await api(org.approver.key, "POST", "/api/v1/delegations", { to_user: other.approver.email, ...span }), 400, "validation_error");
  });
});
