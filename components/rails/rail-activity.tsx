import { Badge } from "@/components/badge";
import { Card, CardHeader } from "@/components/card";
import { MoneyText } from "@/components/money-text";
import { Time } from "@/components/org-time";
import type { IntentRailActivity } from "@/lib/rails/list-intent-rail-activity";

/** The rail's own state of an approved authorization (Stripe's words; Lithic's are mapped onto them). */
const AUTH_STATE: Record<IntentRailActivity["authorizations"][number]["status"], string> = {
  pending: "Pending",
  closed: "Closed",
  reversed: "Reversed",
};

/**
 * "At the card": what the card rail asked about this intent and what it settled. Authorizations
 * with our answer and its reason; captures and refunds as the rail reported them.
 */
export function RailActivity({ activity }: { activity: IntentRailActivity }) {
  const { authorizations, transactions } = activity;
  return (
    <Card aria-labelledby="card-h" data-testid="rail-activity">
      <CardHeader id="card-h" title="At the card" description="The card rail's requests answered from this intent, and the money it settled." />
      <h3 className="px-5 pt-4 text-xs font-medium tracking-wide text-slate-500 uppercase dark:text-slate-400">Authorizations</h3>
      {authorizations.length === 0 ? (
        <p className="px-5 py-3 text-sm text-slate-500 dark:text-slate-400">No card payment has asked about this intent yet.</p>
      ) : (
        <ul aria-label="Card authorizations" className="divide-y divide-slate-100 dark:divide-slate-800">
          {authorizations.map((a) => (
            <li key={a.authorizationId} data-testid="rail-authorization" data-approved={a.approved} className="space-y-1 px-5 py-3 text-sm">
              <div className="flex flex-wrap items-center justify-between gap-2">
                <MoneyText amount={a.amountMinor} currency={a.currency} className="font-medium text-slate-900 dark:text-white" />
                <span className="flex flex-wrap items-center gap-1.5">
                  {a.approved ? (
                    <Badge tone="green" dot>
                      Approved
                    </Badge>
                  ) : (
                    <Badge tone="red" dot>
                      Declined
                    </Badge>
                  )}
                  {a.approved && <Badge tone="neutral">{AUTH_STATE[a.status]}</Badge>}
                </span>
              </div>
              <p className="text-slate-700 first-letter:uppercase dark:text-slate-200">{a.reason}</p>
              <p className="text-xs text-slate-500 dark:text-slate-400">
                <Time at={a.decidedAt} /> · <span className="font-mono break-all">{a.authorizationId}</span>
              </p>
            </li>
          ))}
        </ul>
      )}
      <h3 className="border-t border-slate-100 px-5 pt-4 text-xs font-medium tracking-wide text-slate-500 uppercase dark:border-slate-800 dark:text-slate-400">
        Transactions
      </h3>
      {transactions.length === 0 ? (
        <p className="px-5 py-3 text-sm text-slate-500 dark:text-slate-400">Nothing captured or refunded at the card yet.</p>
      ) : (
        <ul aria-label="Card transactions" className="divide-y divide-slate-100 dark:divide-slate-800">
          {transactions.map((t) => (
            <li
              key={t.transactionId}
              data-testid="rail-transaction"
              data-type={t.type}
              className="flex flex-wrap items-center justify-between gap-2 px-5 py-3 text-sm"
            >
              <span className="min-w-0">
                <span className="font-medium text-slate-900 dark:text-white">{t.type === "capture" ? "Captured" : "Refunded"}</span>{" "}
                <span className="text-xs text-slate-500 dark:text-slate-400">
                  <Time at={t.occurredAt} /> · <span className="font-mono break-all">{t.transactionId}</span>
                </span>
              </span>
              <MoneyText
                amount={t.amountMinor}
                currency={t.currency}
                className={t.type === "refund" ? "text-emerald-700 dark:text-emerald-400" : "text-slate-900 dark:text-white"}
              />
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
