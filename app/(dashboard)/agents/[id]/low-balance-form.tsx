"use client";

import { useState, useTransition } from "react";
import { Button } from "@/components/button";
import { useToast } from "@/components/toast";
import { formatMoney, toMajorDecimal } from "@/lib/format/money";
import { setLowBalanceThresholdAction } from "./actions";

const field =
  "h-8 rounded-lg border-0 bg-white px-2.5 text-sm ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-brand-500 dark:bg-slate-950 dark:ring-slate-700";

/**
 * The wallet's low-balance alert: what it is, whether the wallet is below it now, and (for
 * admins) a form to change it. Crossing it sends `wallet.low_balance` and notifies admins.
 */
export function LowBalanceForm({
  agentId,
  currency,
  threshold,
  available,
  canEdit,
}: {
  agentId: string;
  currency: string;
  threshold: number | null;
  available: number;
  canEdit: boolean;
}) {
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const toast = useToast();
  const below = threshold !== null && available < threshold;

  return (
    <div className="flex flex-wrap items-center gap-x-3 gap-y-2 text-sm" data-testid="low-balance">
      <span className="text-slate-600 dark:text-slate-300">
        Low-balance alert:{" "}
        {threshold === null ? (
          <span className="text-slate-500 dark:text-slate-400">off</span>
        ) : (
          <>
            below <span className="font-medium text-slate-900 dark:text-white">{formatMoney(threshold, currency)}</span> available
            {below && (
              <span className="ml-2 rounded-md bg-amber-100 px-1.5 py-0.5 text-xs font-medium text-amber-900 dark:bg-amber-900/40 dark:text-amber-100">
                below now
              </span>
            )}
          </>
        )}
      </span>
      {canEdit && !open && (
        <Button size="sm" variant="ghost" onClick={() => setOpen(true)}>
          {threshold === null ? "Set alert" : "Change"}
        </Button>
      )}
      {canEdit && open && (
        <form
          className="flex flex-wrap items-start gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            const f = new FormData(e.currentTarget);
            start(async () => {
              const res = await setLowBalanceThresholdAction(agentId, currency, String(f.get("threshold") ?? ""));
              if (!res.ok) return setError(res.message);
              setError(null);
              setOpen(false);
              const t = res.data.low_balance_threshold;
              toast({ tone: "success", title: t === null ? "Low-balance alert off" : `Alert below ${formatMoney(t, currency)}` });
            });
          }}
        >
          <div>
            <label htmlFor="low-balance-threshold" className="sr-only">
              Alert when available falls below (in {currency}; empty turns it off)
            </label>
            <input
              id="low-balance-threshold"
              name="threshold"
              inputMode="decimal"
              defaultValue={threshold === null ? "" : toMajorDecimal(threshold, currency)}
              placeholder={`Below (${currency}); empty = off`}
              className={`${field} w-44`}
              aria-invalid={!!error}
              aria-describedby={error ? "low-balance-error" : undefined}
            />
            {error && (
              <p id="low-balance-error" role="alert" className="mt-1 max-w-56 text-xs text-rose-600 dark:text-rose-400">
                {error}
              </p>
            )}
          </div>
          <Button size="sm" type="submit" disabled={pending}>
            {pending ? "Saving…" : "Save alert"}
          </Button>
          <Button size="sm" variant="ghost" onClick={() => setOpen(false)}>
            Cancel
          </Button>
        </form>
      )}
    </div>
  );
}
