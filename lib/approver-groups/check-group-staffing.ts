import { validationError } from "@/lib/errors/app-error";

/**
 * A group takes its approvals away from everyone else, so it must be able to decide them: at
 * least one member, and at least as many members as its quorum (3 approvals from 1 member
 * would wait until they expire).
 */
export function checkGroupStaffing(members: number, quorum: number): void {
  if (members === 0) {
    throw validationError("Add at least one member: a group with none would hold its approvals until they expire", [
      { field: "members", issue: "at least one approver or admin is needed" },
    ]);
  }
  if (members < quorum) {
    throw validationError(`The quorum is ${quorum} but the group has ${members} member${members === 1 ? "" : "s"}: add members or lower the quorum`, [
      { field: "quorum", issue: `at most the number of members (${members})` },
    ]);
  }
}
