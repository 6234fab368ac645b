import { Badge, type Tone } from "./badge";

const RISK: Record<string, Tone> = { low: "green", medium: "amber", high: "orange", critical: "red" };

export function RiskBadge({ level, overridden }: { level: string; overridden?: boolean }) {
  return (
    <Badge tone={RISK[level] ?? "neutral"}>
      <span className="capitalize">{level}</span> risk{overridden ? " · set by admin" : ""}
    </Badge>
  );
}
