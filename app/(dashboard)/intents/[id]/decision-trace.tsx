import { Badge, type Tone } from "@/components/badge";
import { Card, CardBody, CardHeader } from "@/components/card";
import { MoneyText } from "@/components/money-text";
import { RiskBadge } from "@/components/risk-badge";
import { StatusBadge } from "@/components/status-badge";
import type { IntentDto } from "@/lib/intents/intent-schemas";
import { humanize } from "@/lib/format/labels";
import { DisplayText } from "@/components/display-text";
import { Time } from "@/components/org-time";

const RESULT: Record<string, { tone: Tone; label: string }> = {
  pass: { tone: "green", label: "Pass" },
  deny: { tone: "red", label: "Deny" },
  require_approval: { tone: "amber", label: "Needs approval" },
  skipped: { tone: "neutral", label: "Skipped" },
};

/** The policy decision: outcome, the deciding rule, and every rule checked in order. */
export function DecisionTrace({ intent }: { intent: IntentDto }) {
  const d = intent.policy_decision;
  if (!d) {
    return (
      <Card>
        <CardHeader title="Policy decision" description="This intent has not been decided yet." />
      </Card>
    );
  }
  return (
    <Card aria-labelledby="decision-h">
      <CardHeader id="decision-h" title="Policy decision" description={`Policy version ${d.policy_version}`} actions={<StatusBadge status={d.outcome} />} />
      <CardBody className="space-y-4">
        <div className="rounded-lg bg-slate-50 px-4 py-3 dark:bg-slate-800/60">
          <p className="text-xs font-medium uppercase tracking-wide text-slate-500 dark:text-slate-400">Deciding rule · {humanize(d.rule)}</p>
          <p className="mt-1 text-sm text-slate-900 dark:text-slate-100">
            <DisplayText text={d.reason} />
          </p>
        </div>
        <div className="flex flex-wrap gap-x-6 gap-y-2 text-sm">
          <span className="flex items-center gap-2 text-slate-600 dark:text-slate-300">
            Agent risk at decision <RiskBadge level={d.risk_level} />
          </span>
          <Budget label="Daily budget" w={d.budgets.daily} currency={intent.currency} />
          <Budget label="Monthly budget" w={d.budgets.monthly} currency={intent.currency} />
        </div>
        <ol className="divide-y divide-slate-100 rounded-lg border border-slate-200 dark:divide-slate-800 dark:border-slate-800" aria-label="Rules checked">
          {d.trace.map((step, n) => {
            const r = RESULT[step.result] ?? { tone: "neutral" as const, label: step.result };
            return (
              <li key={`${step.rule}-${n}`} className="flex flex-col gap-1 px-3 py-2.5 sm:flex-row sm:items-center sm:gap-4">
                <span className="w-40 shrink-0 text-sm font-medium text-slate-800 dark:text-slate-100">
                  <span className="mr-2 text-xs text-slate-500 tabular dark:text-slate-400">{n + 1}.</span>
                  {humanize(step.rule)}
                </span>
                <span className="w-32 shrink-0">
                  <Badge tone={r.tone}>{r.label}</Badge>
                </span>
                <span className="text-sm text-slate-600 dark:text-slate-300">
                  <DisplayText text={step.detail} />
                </span>
              </li>
            );
          })}
        </ol>
      </CardBody>
    </Card>
  );
}

/** The budget window the decision used: spent before this intent, the limit, and when it reset. */
function Budget({ label, w, currency }: { label: string; w: { limit: number | null; spent: number; resets_at?: string | null }; currency: string }) {
  return (
    <span className="text-slate-600 dark:text-slate-300" data-testid={`budget-${label.split(" ")[0].toLowerCase()}`}>
      {label}: <MoneyText amount={w.spent} currency={currency} className="font-medium text-slate-900 dark:text-white" /> of{" "}
      {w.limit === null ? "no limit" : <MoneyText amount={w.limit} currency={currency} />}
      {w.resets_at && (
        <>
          {" "}
          · resets <Time at={w.resets_at} />
        </>
      )}
    </span>
  );
}
