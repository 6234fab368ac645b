import { Badge, type Tone } from "./badge";

const STATUS: Record<string, { tone: Tone; label: string }> = {
  pending: { tone: "neutral", label: "Pending" },
  approved: { tone: "green", label: "Approved" },
  denied: { tone: "red", label: "Denied" },
  rejected: { tone: "red", label: "Rejected" },
  pending_approval: { tone: "amber", label: "Awaiting approval" },
  expired: { tone: "neutral", label: "Expired" },
  active: { tone: "green", label: "Active" },
  suspended: { tone: "red", label: "Suspended" },
  approve: { tone: "green", label: "Approve" },
  deny: { tone: "red", label: "Deny" },
  require_approval: { tone: "amber", label: "Needs approval" },
};

/** An intent, approval or agent status as a coloured badge. */
export function StatusBadge({ status }: { status: string }) {
  const s = STATUS[status] ?? { tone: "neutral" as const, label: status };
  return (
    <Badge tone={s.tone} dot>
      {s.label}
    </Badge>
  );
}
