"use client";

import { useState, useTransition } from "react";
import { Button } from "@/components/button";
import { useToast } from "@/components/toast";
import { formatMoney } from "@/lib/format/money";
import { fundWalletAction } from "./actions";

const field =
  "h-8 rounded-lg border-0 bg-white px-2.5 text-sm ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-brand-500 dark:bg-slate-950 dark:ring-slate-700";

export function FundWalletForm({ agentId, currency }: { agentId: string; currency: string }) {
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const toast = useToast();

  if (!open)
    return (
      <Button size="sm" variant="secondary" onClick={() => setOpen(true)}>
        Fund wallet
      </Button>
    );
  return (
    <form
      className="flex flex-wrap items-start gap-2"
      onSubmit={(e) => {
        e.preventDefault();
        const f = new FormData(e.currentTarget);
        start(async () => {
          const res = await fundWalletAction(agentId, currency, String(f.get("amount") ?? ""), String(f.get("memo") ?? ""));
          if (!res.ok) return setError(res.message);
          setError(null);
          setOpen(false);
          toast({ tone: "success", title: "Wallet funded", message: `Available now ${formatMoney(res.data.available, currency)}` });
        });
      }}
    >
      <div>
        <label htmlFor="fund-amount" className="sr-only">
          Amount in {currency}
        </label>
        <input
          id="fund-amount"
          name="amount"
          required
          inputMode="decimal"
          placeholder={`Amount (${currency})`}
          className={`${field} w-36`}
          aria-invalid={!!error}
          aria-describedby={error ? "fund-error" : undefined}
        />
        {error && (
          <p id="fund-error" role="alert" className="mt-1 max-w-56 text-xs text-rose-600 dark:text-rose-400">
            {error}
          </p>
        )}
      </div>
      <label htmlFor="fund-memo" className="sr-only">
        Memo
      </label>
      <input id="fund-memo" name="memo" placeholder="Memo (optional)" className={`${field} w-40`} />
      <Button size="sm" type="submit" disabled={pending}>
        {pending ? "Funding…" : "Add funds"}
      </Button>
      <Button size="sm" variant="ghost" onClick={() => setOpen(false)}>
        Cancel
      </Button>
    </form>
  );
}
