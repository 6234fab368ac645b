/** What one person can answer beyond their role: the groups they belong to or stand in for. */
export type AnswerRights = { groupIds: ReadonlySet<string> };

/** An approval's routing as the "approval.answer" rule needs it, with the actor's groups. */
export type ApprovalRouting = {
  groupId: string | null;
  groupName?: string | null;
  escalated: boolean;
  escalateToGroupId?: string | null;
  /** The groups the person answers for now (membership or an active delegation). */
  actorGroupIds: ReadonlySet<string>;
};

/**
 * Why a non-admin may not answer an approval because of its routing, or null. An approval
 * routed to a group is answered by its members and their active delegates and, once
 * escalated, by the members of the escalation group; admins answer anything (checked by
 * the caller, lib/permissions/can.ts).
 */
export function routingRefusal(r: ApprovalRouting): string | null {
  if (r.groupId === null || r.actorGroupIds.has(r.groupId)) return null;
  if (r.escalated && r.escalateToGroupId && r.actorGroupIds.has(r.escalateToGroupId)) return null;
  const group = r.groupName ? `"${r.groupName}"` : "an approver group";
  return `This approval is routed to ${group}: only its members, their delegates or an admin can answer`;
}
