import type { DbOrTx } from "@/lib/db/client";
import { validationError } from "@/lib/errors/app-error";

/**
 * Turns member references (user ids or emails) into user ids of the organisation, and
 * checks agent ids and the escalation group belong to it. Members must be able to answer
 * approvals (approver or admin): a viewer in a group could never complete its quorum.
 */
export async function resolveGroupReferences(
  db: DbOrTx,
  orgId: string,
  input: { members?: string[]; agent_ids?: string[]; escalate_to_group_id?: string | null },
  selfId?: string,
) {
  let memberIds: string[] | undefined;
  if (input.members) {
    const refs = [...new Set(input.members)];
    const users = await db.user.findMany({
      where: { orgId, OR: [{ id: { in: refs } }, { email: { in: refs.map((r) => r.toLowerCase()) } }] },
      select: { id: true, email: true, role: true },
    });
    const unknown = refs.filter((r) => !users.some((u) => u.id === r || u.email === r.toLowerCase()));
    if (unknown.length) throw validationError(`Unknown members: ${unknown.join(", ")}`, [{ field: "members", issue: "not a user of this organisation" }]);
    const viewers = users.filter((u) => u.role === "viewer");
    if (viewers.length) {
      throw validationError(`Viewers cannot answer approvals: ${viewers.map((v) => v.email).join(", ")}`, [
        { field: "members", issue: "members must be approvers or admins" },
      ]);
    }
    memberIds = [...new Set(users.map((u) => u.id))];
  }
  if (input.agent_ids?.length) {
    const found = await db.agent.count({ where: { orgId, id: { in: input.agent_ids } } });
    if (found !== new Set(input.agent_ids).size)
      throw validationError("Unknown agent in agent_ids", [{ field: "agent_ids", issue: "not an agent of this organisation" }]);
  }
  if (input.escalate_to_group_id) {
    if (input.escalate_to_group_id === selfId) {
      throw validationError("A group cannot escalate to itself", [{ field: "escalate_to_group_id", issue: "must be another group" }]);
    }
    const target = await db.approverGroup.findFirst({ where: { orgId, id: input.escalate_to_group_id }, select: { id: true } });
    if (!target) throw validationError("Unknown escalation group", [{ field: "escalate_to_group_id", issue: "not a group of this organisation" }]);
  }
  return { memberIds };
}
