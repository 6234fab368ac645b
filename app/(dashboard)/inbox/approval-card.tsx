"use client";

import { DeclinedAtCard } from "@/components/rails/declined-at-card";
import Link from "next/link";
import { Badge } from "@/components/badge";
import { Button } from "@/components/button";
import { cn } from "@/components/cn";
import { MoneyText } from "@/components/money-text";
import { RiskInfo } from "@/components/risk-info";
import { AgentStateBadge } from "@/components/agent-state-badge";
import type { InboxItem } from "@/lib/approvals/inbox-items";
import { formatConfidence, humanize } from "@/lib/format/labels";
import { DisplayText } from "@/components/display-text";
import { RelativeTime, Time } from "@/components/org-time";
import { StatusBadge } from "@/components/status-badge";
import { CardContext } from "./card-context";
import { ResponsesLine } from "./responses-line";

type Props = {
  item: InboxItem;
  now: number;
  isNew: boolean;
  comment: string;
  onComment: (c: string) => void;
  onAnswer: (decision: "approve" | "reject") => void;
  onAsk: () => void;
};

/** The inbox's side panel: one approval with everything needed to decide it without leaving the inbox. */
export function ApprovalCard({ item: a, now, isNew, comment, onComment, onAnswer, onAsk }: Props) {
  const i = a.intent;
  const merchant = i.merchant ?? "Unknown merchant";
  const soon = new Date(a.expires_at).getTime() - now < 6 * 3_600_000;
  return (
    <article
      aria-label={`${merchant}, ${a.agent.name}`}
      data-testid="approval-card"
      data-approval-id={a.id}
      data-intent-id={a.intent_id}
      data-new={isNew ? "true" : undefined}
      className="rounded-xl border border-brand-300 bg-white p-4 shadow-sm sm:p-5 dark:border-brand-700 dark:bg-slate-900"
    >
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="flex min-w-0 items-start gap-3">
          <div className="min-w-0">
            <div className="flex flex-wrap items-center gap-2">
              <Link href={`/intents/${a.intent_id}`} className="text-base font-semibold text-slate-900 hover:underline dark:text-white">
                {merchant}
              </Link>
              {i.merchant_category && (
                <span className="rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-600 dark:bg-slate-800 dark:text-slate-300">{i.merchant_category}</span>
              )}
              {a.new_merchant && <Badge tone="purple">New merchant for this agent</Badge>}
              {isNew && <Badge tone="blue">New</Badge>}
            </div>
            <p className="mt-0.5 flex flex-wrap items-center gap-1.5 text-sm text-slate-500 dark:text-slate-400">
              by
              <Link href={`/agents/${a.agent.id}`} className="font-medium text-slate-700 hover:underline dark:text-slate-200">
                {a.agent.name}
              </Link>
              <RiskInfo id={a.id} {...a.agent.risk} />
              <AgentStateBadge status={a.agent.status} frozen={a.agent.frozen} />
            </p>
          </div>
        </div>
        <div className="sm:text-right">
          <MoneyText amount={i.amount} currency={i.currency} className="text-xl font-semibold tracking-tight text-slate-900 dark:text-white" />
          {a.agent.wallet && (
            <p className="text-xs text-slate-500 dark:text-slate-400">
              Wallet available{" "}
              <MoneyText amount={a.agent.wallet.available} currency={a.agent.wallet.currency} className="font-medium text-slate-700 dark:text-slate-200" />
            </p>
          )}
        </div>
      </div>

      <p className="mt-3 text-sm text-slate-700 dark:text-slate-200">&ldquo;{i.reason}&rdquo;</p>

      <dl className="mt-3 grid grid-cols-2 gap-x-4 gap-y-2 text-sm sm:grid-cols-4">
        <Fact label="Confidence">{formatConfidence(i.confidence)}</Fact>
        <Fact label="Deciding rule">{i.rule ? humanize(i.rule) : "—"}</Fact>
        <Fact label="Waiting">
          <RelativeTime at={a.created_at} now={now} />
        </Fact>
        <Fact label="Expires">
          <RelativeTime at={a.expires_at} now={now} until className={cn(soon && "font-medium text-amber-700 dark:text-amber-400")} />
        </Fact>
      </dl>
      {i.source === "card" && <DeclinedAtCard className="mt-2" />}
      {i.decision_reason && (
        <p className="mt-2 rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:bg-amber-950/50 dark:text-amber-200">
          <DisplayText text={i.decision_reason} />
        </p>
      )}

      {a.duplicates.length > 0 && <DuplicateNotice item={a} />}

      {a.blocked && (
        <p
          role="status"
          data-testid="approval-blocked"
          className="mt-2 rounded-lg bg-red-50 px-3 py-2 text-sm text-red-900 dark:bg-red-950/50 dark:text-red-100"
        >
          <span className="font-semibold">
            {a.blocked.code === "agent_suspended" ? "Agent suspended: no answer until it is resumed." : "Cannot be approved now."}
          </span>{" "}
          {a.blocked.reason}
        </p>
      )}
      <div className="mt-2 text-sm">
        <p data-testid="waiting-for" className="font-medium text-slate-800 dark:text-slate-100">
          {a.waiting_for}
          {a.approvals_required > 1 && (
            <span className="font-normal text-slate-500 dark:text-slate-400"> · needs {a.approvals_required} different people to approve</span>
          )}
        </p>
        <ResponsesLine responses={a.responses} />
      </div>

      <CardContext item={a} />

      {a.can_answer || a.held_by_suspension ? (
        <div className="mt-4 flex flex-col gap-2 border-t border-slate-100 pt-4 sm:flex-row sm:items-center dark:border-slate-800">
          <label className="sr-only" htmlFor={`comment-${a.id}`}>
            Comment for {merchant}
          </label>
          <input
            id={`comment-${a.id}`}
            value={comment}
            onChange={(e) => onComment(e.target.value)}
            onClick={(e) => e.stopPropagation()}
            placeholder="Comment (needed to reject)"
            maxLength={2000}
            className="h-9 w-full min-w-0 rounded-lg border-0 bg-slate-50 px-3 text-sm ring-1 ring-inset ring-slate-200 placeholder:text-slate-400 focus:ring-2 focus:ring-brand-500 sm:flex-1 dark:bg-slate-950 dark:ring-slate-700"
          />
          <div className="flex gap-2">
            <Button variant="ghost" size="sm" className="flex-1 sm:flex-none" disabled={!a.can_answer} onClick={onAsk}>
              Ask for info
            </Button>
            <Button variant="danger" size="sm" className="flex-1 sm:flex-none" disabled={!a.can_answer} onClick={() => onAnswer("reject")}>
              Reject
            </Button>
            <Button
              variant="success"
              size="sm"
              className="flex-1 sm:flex-none"
              disabled={!a.can_answer || a.blocked !== null}
              onClick={() => onAnswer("approve")}
            >
              Approve
            </Button>
          </div>
        </div>
      ) : (
        a.blocked_because && (
          <p className="mt-4 border-t border-slate-100 pt-3 text-sm text-slate-500 dark:border-slate-800 dark:text-slate-400">{a.blocked_because}.</p>
        )
      )}
    </article>
  );
}

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="text-xs text-slate-500 dark:text-slate-400">{label}</dt>
      <dd className="truncate font-medium text-slate-800 dark:text-slate-100">{children}</dd>
    </div>
  );
}

/** Same agent, merchant and a similar amount close in time: a person checks it is not paid twice. */
function DuplicateNotice({ item: a }: { item: InboxItem }) {
  return (
    <div data-testid="possible-duplicate" className="mt-2 rounded-lg bg-orange-50 px-3 py-2 text-sm text-orange-900 dark:bg-orange-950/50 dark:text-orange-100">
      <p className="font-semibold">
        Possible duplicate: {a.agent.name} asked {a.intent.merchant} for a similar amount close to this one.
      </p>
      <ul className="mt-1 space-y-0.5">
        {a.duplicates.map((d) => (
          <li key={d.id} className="flex flex-wrap items-center gap-x-2">
            <Link href={`/intents/${d.id}`} className="font-mono text-xs underline">
              {d.id}
            </Link>
            <MoneyText amount={d.amount} currency={d.currency} />
            <Time at={d.created_at} className="text-xs" />
            <StatusBadge status={d.status} />
          </li>
        ))}
      </ul>
    </div>
  );
}
