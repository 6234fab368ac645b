import { Card, CardHeader } from "@/components/card";
import type { AgentDto } from "@/lib/agents/agent-schemas";
import { humanize } from "@/lib/format/labels";
import { Time } from "@/components/org-time";

/** Why the agent has its risk level: each factor with the points it adds. */
export function RiskFactors({ agent, override }: { agent: AgentDto; override: { by: string; at: string; reason: string | null } | null }) {
  const total = agent.risk_factors.reduce((s, f) => s + f.points, 0);
  return (
    <Card aria-labelledby="risk-h">
      <CardHeader
        id="risk-h"
        title="Risk factors"
        description={
          agent.risk_override
            ? `Computed ${agent.risk_computed}; an admin set it to ${agent.risk_override}.`
            : `Computed from the last 30 days: ${total} points.`
        }
      />
      {agent.risk_override && override && (
        <p data-testid="risk-override-note" className="border-b border-slate-100 px-5 py-3 text-sm text-slate-600 dark:border-slate-800 dark:text-slate-300">
          Set to <span className="font-medium">{agent.risk_override}</span> by {override.by} on <Time at={override.at} />
          {override.reason ? <>: &ldquo;{override.reason}&rdquo;</> : " (no reason given)"}
        </p>
      )}
      <ul className="divide-y divide-slate-100 dark:divide-slate-800">
        {agent.risk_factors.length === 0 && <li className="px-5 py-4 text-sm text-slate-500 dark:text-slate-400">No risk factors recorded.</li>}
        {agent.risk_factors.map((f) => (
          <li key={f.factor} className="flex items-start justify-between gap-3 px-5 py-3">
            <div className="min-w-0">
              <p className="text-sm font-medium text-slate-900 dark:text-white">{humanize(f.factor)}</p>
              <p className="text-xs text-slate-500 dark:text-slate-400">{f.detail}</p>
            </div>
            <span
              className={`shrink-0 rounded-md px-2 py-0.5 text-xs font-semibold tabular ${f.points > 0 ? "bg-amber-50 text-amber-800 dark:bg-amber-950 dark:text-amber-300" : "bg-slate-100 text-slate-600 dark:bg-slate-800 dark:text-slate-300"}`}
            >
              +{f.points}
            </span>
          </li>
        ))}
      </ul>
    </Card>
  );
}
