import type { ApprovalStatus, DecisionOutcome } from "@/lib/generated/kysely/enums";

/** The one mapping from a policy outcome to the intent's status. */
export const STATUS_OF_OUTCOME = { approve: "approved", deny: "denied", require_approval: "pending_approval" } as const satisfies Record<
  DecisionOutcome,
  string
>;

/** The one mapping from how a person's approval request ended to the intent's final status. */
export const STATUS_OF_APPROVAL = { approved: "approved", rejected: "denied", expired: "expired" } as const satisfies Record<
  Exclude<ApprovalStatus, "pending">,
  string
>;
