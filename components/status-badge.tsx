import { Badge, type Tone } from "./badge";
import { statusLabel } from "@/lib/format/labels";
import { intentState, type IntentStateFacts } from "@/lib/format/intent-state";

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
  captured: "green",
  partially_captured: "blue",
  voided: "neutral",
};

/** An intent, approval or agent status as a coloured badge, in the one status vocabulary. */
export function StatusBadge({ status }: { status: string }) {
  return (
    <Badge tone={TONE[status] ?? "neutral"} dot>
      {statusLabel(status)}
    </Badge>
  );
}

/**
 * An intent's badge in the words of what happened to it (see intentState): "Rejected by Anita
 * Desai" when a person said no, "Captured" / "Partly captured" / "Voided" once it was paid.
 */
export function IntentStateBadge({ intent, rejectedBy }: { intent: IntentStateFacts; rejectedBy?: string | null }) {
  const state = intentState(intent);
  return (
    <Badge tone={TONE[state] ?? "neutral"} dot>
      {state === "rejected" && rejectedBy ? `Rejected by ${rejectedBy}` : statusLabel(state)}
    </Badge>
  );
}
