import { Badge } from "./badge";

/** Shown only when an agent cannot spend: frozen by the kill switch, or suspended. */
export function AgentStateBadge({ status, frozen }: { status: string; frozen?: boolean }) {
  if (status === "active" && !frozen) return null;
  return (
    <span className="inline-flex gap-1">
      {frozen && (
        <Badge tone="red" dot>
          Agent frozen
        </Badge>
      )}
      {status !== "active" && (
        <Badge tone="red" dot>
          Agent {status}
        </Badge>
      )}
    </span>
  );
}
