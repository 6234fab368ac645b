import type { ApprovalRouting } from "@/lib/approver-groups/answer-rights";
import { describe, expect, it } from "vitest";
import type { Actor, UserPrincipal } from "@/lib/auth/principal";
import { AppError } from "@/lib/errors/app-error";
import { ACTIONS, assertCan, can, whyNot, type Action, type ApprovalSubject, type DelegationSubject } from "./can";

const ORG = "org_a";
const user = (role: UserPrincipal["role"], userId = `usr_${role}`, orgId = ORG): UserPrincipal => ({
  kind: "user",
  orgId,
  userId,
  role,
  email: `${role}@a.test`,
  keyId: null,
  label: `${role}@a.test`,
});

const actors = {
  system: "system",
  agent: { kind: "agent", orgId: ORG, agentId: "agt_1", keyId: "key_1", label: "bot" },
  viewer: user("viewer"),
  approver: user("approver"),
  admin: user("admin"),
  otherAdmin: user("admin", "usr_x", "org_b"),
} satisfies Record<string, Actor>;
type Who = keyof typeof actors;

// Expected verdict: "ok", or the error code the API would answer with.
type Expect = "ok" | "forbidden" | "not_found" | "approval_already_answered";
type Row = [Who, Action, object | undefined, Expect];

const own = { orgId: ORG };
const foreign = { orgId: "org_b" };
const agent1 = { orgId: ORG, agentId: "agt_1" };
const agent2 = { orgId: ORG, agentId: "agt_2" };

const SETUP_ACTIONS: Action[] = [
  "organization.create",
  "user.create",
  "user.update",
  "organization.update",
  "agent.create",
  "agent.set_status",
  "agent.set_risk_override",
  "agent.set_accounting",
  "wallet.fund",
  "wallet.set_threshold",
  "api_key.list",
  "api_key.create",
  "api_key.revoke",
  "policy.update",
  "policy.backtest",
  "policy.shadow",
  "policy.review",
  "audit.verify",
  "audit.rotate_key",
  "audit.purge",
  "webhook.list",
  "webhook.manage",
  "rail.manage",
  "spending.freeze",
];

/** Organisation set-up: admins and the system only; another organisation's admin gets a 404. */
const setupRows: Row[] = SETUP_ACTIONS.flatMap((action): Row[] => [
  ["system", action, own, "ok"],
  ["admin", action, own, "ok"],
  ["admin", action, undefined, "ok"],
  ["admin", action, foreign, "not_found"],
  ["otherAdmin", action, own, "not_found"],
  ["approver", action, own, "forbidden"],
  ["viewer", action, own, "forbidden"],
  ["agent", action, own, "forbidden"],
]);

const submitRows: Row[] = [
  ["agent", "intent.submit", agent1, "ok"],
  ["agent", "intent.submit", undefined, "ok"],
  ["agent", "intent.submit", agent2, "forbidden"],
  ["agent", "intent.submit", { orgId: "org_b", agentId: "agt_1" }, "not_found"],
  ["approver", "intent.submit", agent2, "ok"],
  ["admin", "intent.submit", agent2, "ok"],
  ["viewer", "intent.submit", agent1, "forbidden"],
  ["viewer", "intent.submit", undefined, "forbidden"],
  ["otherAdmin", "intent.submit", agent1, "not_found"],
  ["system", "intent.submit", agent1, "forbidden"],
];

const settleRows: Row[] = [
  ["agent", "intent.settle", agent1, "ok"],
  ["agent", "intent.settle", agent2, "not_found"],
  ["agent", "intent.settle", { orgId: "org_b", agentId: "agt_1" }, "not_found"],
  ["approver", "intent.settle", agent2, "ok"],
  ["admin", "intent.settle", agent1, "ok"],
  ["viewer", "intent.settle", agent1, "forbidden"],
  ["viewer", "intent.settle", undefined, "forbidden"],
  ["approver", "intent.settle", undefined, "ok"],
  ["admin", "intent.settle", undefined, "ok"],
  ["agent", "intent.settle", undefined, "ok"],
  ["otherAdmin", "intent.settle", agent1, "not_found"],
  ["system", "intent.settle", agent1, "ok"],
];

const approval = (over: Partial<ApprovalSubject> = {}): ApprovalSubject => ({
  orgId: ORG,
  requiredRole: "approver",
  answeredBy: [],
  submittedByUserId: null,
  status: "pending",
  ...over,
});

const routed = (over: Partial<ApprovalRouting> = {}): ApprovalRouting => ({
  groupId: "grp_cloud",
  groupName: "Cloud spend",
  escalated: false,
  escalateToGroupId: "grp_tier2",
  actorGroupIds: new Set(),
  ...over,
});

const approvalRows: Row[] = [
  ["approver", "approval.list", undefined, "ok"],
  ["viewer", "approval.list", undefined, "ok"], // allowed, and the list is empty
  ["admin", "approval.list", undefined, "ok"],
  ["agent", "approval.list", undefined, "forbidden"],

  // Asking the agent's owner about a waiting approval.
  ["approver", "approval.ask", { orgId: ORG }, "ok"],
  ["admin", "approval.ask", { orgId: ORG }, "ok"],
  ["viewer", "approval.ask", { orgId: ORG }, "forbidden"],
  ["agent", "approval.ask", { orgId: ORG }, "forbidden"],
  ["otherAdmin", "approval.ask", { orgId: ORG }, "not_found"],

  // Role-level: may this principal answer approvals at all (the inbox's buttons)?
  ["approver", "approval.answer", undefined, "ok"],
  ["admin", "approval.answer", undefined, "ok"],
  ["viewer", "approval.answer", undefined, "forbidden"],
  ["agent", "approval.answer", undefined, "forbidden"],
  ["system", "approval.answer", undefined, "forbidden"],

  ["approver", "approval.answer", approval(), "ok"],
  ["admin", "approval.answer", approval(), "ok"],
  ["viewer", "approval.answer", approval(), "forbidden"],
  ["agent", "approval.answer", approval(), "forbidden"],
  ["otherAdmin", "approval.answer", approval(), "not_found"],
  // Above the admin threshold.
  ["approver", "approval.answer", approval({ requiredRole: "admin" }), "forbidden"],
  ["admin", "approval.answer", approval({ requiredRole: "admin" }), "ok"],
  // Never one's own submission, whatever the role.
  ["approver", "approval.answer", approval({ submittedByUserId: "usr_approver" }), "forbidden"],
  ["admin", "approval.answer", approval({ submittedByUserId: "usr_admin", requiredRole: "admin" }), "forbidden"],
  ["admin", "approval.answer", approval({ submittedByUserId: "usr_approver" }), "ok"],
  ["admin", "approval.answer", approval({ keyCreatedByUserId: "usr_admin" }), "forbidden"],
  ["approver", "approval.answer", approval({ keyCreatedByUserId: "usr_admin" }), "ok"],
  // Each person once: the second of a dual approval must be someone else.
  ["approver", "approval.answer", approval({ answeredBy: ["usr_approver"] }), "approval_already_answered"],
  ["admin", "approval.answer", approval({ answeredBy: ["usr_approver"] }), "ok"],
  // Tied by a password link of the last 24 hours to someone who answered: not a second person.
  ["approver", "approval.answer", approval({ answeredBy: ["usr_admin"], resetTies: ["usr_admin"] }), "forbidden"],
  ["admin", "approval.answer", approval({ answeredBy: ["usr_approver"], resetTies: ["usr_approver"] }), "forbidden"],
  ["approver", "approval.answer", approval({ answeredBy: ["usr_other"], resetTies: ["usr_admin"] }), "ok"],
  ["approver", "approval.answer", approval({ resetTies: ["usr_admin"] }), "ok"],
  // Closed approvals cannot be answered.
  ["admin", "approval.answer", approval({ status: "approved" }), "approval_already_answered"],
  ["admin", "approval.answer", approval({ status: "expired" }), "approval_already_answered"],
  // Routed to an approver group: its people (members, delegates), the escalation tier once escalated, and admins.
  ["approver", "approval.answer", approval({ routing: routed() }), "forbidden"],
  ["approver", "approval.answer", approval({ routing: routed({ actorGroupIds: new Set(["grp_cloud"]) }) }), "ok"],
  ["approver", "approval.answer", approval({ routing: routed({ actorGroupIds: new Set(["grp_tier2"]) }) }), "forbidden"],
  ["approver", "approval.answer", approval({ routing: routed({ escalated: true, actorGroupIds: new Set(["grp_tier2"]) }) }), "ok"],
  ["admin", "approval.answer", approval({ routing: routed() }), "ok"],
  ["approver", "approval.answer", approval({ requiredRole: "admin", routing: routed({ actorGroupIds: new Set(["grp_cloud"]) }) }), "forbidden"],
];

const policyReadRows: Row[] = [
  ["viewer", "policy.read", own, "ok"],
  ["approver", "policy.read", own, "ok"],
  ["admin", "policy.read", own, "ok"],
  ["system", "policy.read", own, "ok"],
  ["agent", "policy.read", own, "forbidden"],
  ["otherAdmin", "policy.read", own, "not_found"],
  ["viewer", "audit.read", own, "ok"],
  ["approver", "audit.read", own, "ok"],
  ["admin", "audit.read", own, "ok"],
  ["system", "audit.read", own, "ok"],
  ["agent", "audit.read", own, "forbidden"],
  ["otherAdmin", "audit.read", own, "not_found"],
];

const away = (over: Partial<DelegationSubject> = {}): DelegationSubject => ({ orgId: ORG, fromUserId: "usr_approver", ...over });
const routingRows: Row[] = [
  ["viewer", "approver_group.read", { orgId: ORG }, "ok"],
  ["agent", "approver_group.read", { orgId: ORG }, "forbidden"],
  ["otherAdmin", "approver_group.read", { orgId: ORG }, "not_found"],
  ["admin", "approver_group.manage", { orgId: ORG }, "ok"],
  ["system", "approver_group.manage", { orgId: ORG }, "ok"],
  ["approver", "approver_group.manage", { orgId: ORG }, "forbidden"],
  ["otherAdmin", "approver_group.manage", { orgId: ORG }, "not_found"],
  ["approver", "delegation.read", { orgId: ORG }, "ok"],
  ["agent", "delegation.read", { orgId: ORG }, "forbidden"],
  // A person delegates their own approvals; an admin or the CLI anyone's.
  ["approver", "delegation.create", away(), "ok"],
  ["approver", "delegation.create", away({ fromUserId: "usr_admin" }), "forbidden"],
  ["admin", "delegation.create", away(), "ok"],
  ["system", "delegation.create", away(), "ok"],
  ["viewer", "delegation.create", away({ fromUserId: "usr_viewer" }), "forbidden"],
  ["agent", "delegation.create", away(), "forbidden"],
  ["otherAdmin", "delegation.create", away(), "not_found"],
  // Either person involved may end it; the delegate cannot create one "from" someone else.
  ["approver", "delegation.end", away({ fromUserId: "usr_admin", toUserId: "usr_approver" }), "ok"],
  ["approver", "delegation.end", away({ fromUserId: "usr_admin", toUserId: "usr_other" }), "forbidden"],
  ["admin", "delegation.end", away({ fromUserId: "usr_approver", toUserId: "usr_other" }), "ok"],
];

const mine = { orgId: ORG, userId: "usr_viewer" };
const savedViewRows: Row[] = [
  ["viewer", "saved_view.manage", mine, "ok"],
  ["viewer", "saved_view.manage", undefined, "ok"],
  ["approver", "saved_view.manage", undefined, "ok"],
  // Another person's view, even to an admin, and another organisation's: not found.
  ["admin", "saved_view.manage", mine, "not_found"],
  ["otherAdmin", "saved_view.manage", { orgId: ORG, userId: "usr_x" }, "not_found"],
  ["agent", "saved_view.manage", undefined, "forbidden"],
  ["system", "saved_view.manage", undefined, "forbidden"],
];

const rows = [...setupRows, ...submitRows, ...settleRows, ...approvalRows, ...policyReadRows, ...routingRows, ...savedViewRows];

describe("can: role × action × subject", () => {
  it.each(rows)("%s %s %j → %s", (who, action, subject, expected) => {
    const actor = actors[who];
    const refusal = whyNot(actor, action, subject as never);
    expect(refusal?.code ?? "ok").toBe(expected);
    expect(can(actor, action, subject as never)).toBe(expected === "ok");
    if (expected === "ok") {
      expect(() => assertCan(actor, action, subject as never)).not.toThrow();
    } else {
      const err = (() => {
        try {
          assertCan(actor, action, subject as never);
        } catch (e) {
          return e;
        }
      })();
      expect(err).toBeInstanceOf(AppError);
      expect((err as AppError).code).toBe(expected);
      expect((err as AppError).message).toBe(refusal?.message);
    }
  });

  it("every action has rows in this table", () => {
    const covered = new Set(rows.map((r) => r[1]));
    expect(ACTIONS.filter((a) => !covered.has(a))).toEqual([]);
  });

  it("an agent key can do nothing but submit, capture and void for its own agent", () => {
    const ownAgent = (a: Action) => a === "intent.submit" || a === "intent.settle";
    const allowed = ACTIONS.filter((a) => can(actors.agent, a, ownAgent(a) ? (agent1 as never) : undefined));
    expect(allowed).toEqual(["intent.submit", "intent.settle"]);
  });

  it("a viewer can change nothing of the organisation's", () => {
    const reads = (a: string) => a.endsWith(".list") || a.endsWith(".read");
    // Their own saved views are theirs, not the organisation's.
    const personal = (a: string) => a === "saved_view.manage";
    expect(ACTIONS.filter((a) => !reads(a) && !personal(a) && can(actors.viewer, a))).toEqual([]);
  });
});
