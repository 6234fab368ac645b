import { Badge, type Tone } from "./badge";
import { statusLabel } from "@/lib/format/labels";

const TONE: Record<string, Tone> = {
  pending: "neutral",
  approved: "green",
  denied: "red",
  rejected: "red",
  pending_approval: "amber",
  expired: "neutral",
  active: "green",
  suspended: "red",
  frozen: "red",
  approve: "green",
  deny: "red",
  require_approval: "amber",
};

/** An intent, approval or agent status as a coloured badge, in the one status vocabulary. */
export function StatusBadge({ status }: { status: string }) {
  return (
    <Badge tone={TONE[status] ?? "neutral"} dot>
      {statusLabel(status)}
    </Badge>
  );
}
