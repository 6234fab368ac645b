import { describe, expect, it } from "vitest";
import { routingRefusal, type ApprovalRouting } from "./answer-rights";

const cloud = (over: Partial<ApprovalRouting> = {}): ApprovalRouting => ({
  groupId: "grp_cloud",
  groupName: "Cloud spend",
  escalated: false,
  escalateToGroupId: "grp_tier2",
  actorGroupIds: new Set(),
  ...over,
});

describe("routingRefusal: routing × the person's groups", () => {
  const table: [string, ApprovalRouting, boolean][] = [
    ["unrouted approvals are for every approver", cloud({ groupId: null }), true],
    ["a member of the group answers", cloud({ actorGroupIds: new Set(["grp_cloud"]) }), true],
    ["someone outside the group does not", cloud(), false],
    ["the escalation tier waits until escalation", cloud({ actorGroupIds: new Set(["grp_tier2"]) }), false],
    ["the escalation tier answers once escalated", cloud({ escalated: true, actorGroupIds: new Set(["grp_tier2"]) }), true],
    ["escalation to admins opens nothing to approvers", cloud({ escalated: true, escalateToGroupId: null, actorGroupIds: new Set(["grp_tier2"]) }), false],
  ];
  for (const [name, routing, allowed] of table) it(name, () => expect(routingRefusal(routing) === null).toBe(allowed));

  it("names the group when refusing", () => expect(routingRefusal(cloud())).toContain('"Cloud spend"'));
});
