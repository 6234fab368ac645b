"use client";

import { useState, useTransition } from "react";
import { Button } from "@/components/button";
import { useToast } from "@/components/toast";
import { formatMoney, parseMajorAmount, toMajorDecimal } from "@/lib/format/money";
import { captureIntentAction, voidIntentAction } from "./actions";

const field =
  "h-9 rounded-lg border-0 bg-white px-2.5 text-sm ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-brand-500 dark:bg-slate-950 dark:ring-slate-700";

type Step = { kind: "edit" } | { kind: "capture"; amount: number } | { kind: "void" };

/**
 * Record what an approved, unsettled intent really paid: capture (at most the approved amount;
 * the rest returns to the wallet) or void (nothing paid). Each asks for confirmation first,
 * since a settlement cannot be undone. The server checks the role and the state again.
 */
export function SettlePanel({ intentId, approved, currency }: { intentId: string; approved: number; currency: string }) {
  const [step, setStep] = useState<Step>({ kind: "edit" });
  const [amountText, setAmountText] = useState(toMajorDecimal(approved, currency));
  const [reason, setReason] = useState("");
  const [memo, setMemo] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const toast = useToast();
  const money = (n: number) => formatMoney(n, currency);

  const review = () => {
    const amount = parseMajorAmount(amountText, currency);
    if (!amount) return setError("Enter the amount paid, greater than zero (void it if nothing was paid)");
    if (amount > approved) return setError(`At most the approved ${money(approved)}`);
    setError(null);
    setStep({ kind: "capture", amount });
  };
  const send = (run: () => ReturnType<typeof captureIntentAction>, done: string) =>
    start(async () => {
      const res = await run();
      if (!res.ok) {
        setError(res.message);
        return setStep({ kind: "edit" });
      }
      toast({ tone: "success", title: done });
    });

  if (step.kind === "capture") {
    const rest = approved - step.amount;
    return (
      <div role="alertdialog" aria-labelledby="settle-confirm" className="space-y-3 text-sm" data-testid="settle-confirm">
        <p id="settle-confirm" className="text-slate-800 dark:text-slate-100">
          Capture <strong>{money(step.amount)}</strong> of {money(approved)} approved?
          {rest > 0 ? ` ${money(rest)} goes back to the wallet.` : " All of it was paid."} This cannot be undone.
        </p>
        <div className="flex gap-2">
          <Button
            size="sm"
            variant="success"
            disabled={pending}
            onClick={() => send(() => captureIntentAction(intentId, amountText, memo), `Captured ${money(step.amount)}`)}
          >
            {pending ? "Capturing…" : "Confirm capture"}
          </Button>
          <Button size="sm" variant="ghost" disabled={pending} onClick={() => setStep({ kind: "edit" })}>
            Back
          </Button>
        </div>
      </div>
    );
  }
  if (step.kind === "void") {
    return (
      <div role="alertdialog" aria-labelledby="void-confirm" className="space-y-3 text-sm" data-testid="settle-confirm">
        <p id="void-confirm" className="text-slate-800 dark:text-slate-100">
          Void it: nothing was paid and all {money(approved)} goes back to the wallet. This cannot be undone.
        </p>
        <label htmlFor="void-reason" className="block text-xs text-slate-500 dark:text-slate-400">
          Why (optional, kept in the audit log)
        </label>
        <input id="void-reason" value={reason} maxLength={500} onChange={(e) => setReason(e.target.value)} className={`${field} w-full`} />
        <div className="flex gap-2">
          <Button size="sm" variant="danger" disabled={pending} onClick={() => send(() => voidIntentAction(intentId, reason), "Voided: nothing paid")}>
            {pending ? "Voiding…" : "Confirm void"}
          </Button>
          <Button size="sm" variant="ghost" disabled={pending} onClick={() => setStep({ kind: "edit" })}>
            Back
          </Button>
        </div>
      </div>
    );
  }
  return (
    <form
      className="space-y-3 text-sm"
      data-testid="settle-panel"
      onSubmit={(e) => {
        e.preventDefault();
        review();
      }}
    >
      <p className="text-slate-600 dark:text-slate-300">Approved, not yet reported as paid. Record what was actually paid.</p>
      <div>
        <label htmlFor="capture-amount" className="block text-xs text-slate-500 dark:text-slate-400">
          Amount paid ({currency}, at most {money(approved)})
        </label>
        <input
          id="capture-amount"
          name="amount"
          inputMode="decimal"
          value={amountText}
          onChange={(e) => setAmountText(e.target.value)}
          className={`${field} mt-1 w-full`}
          aria-invalid={!!error}
          aria-describedby={error ? "settle-error" : undefined}
        />
        {error && (
          <p id="settle-error" role="alert" className="mt-1 text-xs text-rose-600 dark:text-rose-400">
            {error}
          </p>
        )}
      </div>
      <div>
        <label htmlFor="capture-memo" className="block text-xs text-slate-500 dark:text-slate-400">
          Memo for the books (optional: invoice number, what was bought)
        </label>
        <input id="capture-memo" value={memo} maxLength={500} onChange={(e) => setMemo(e.target.value)} className={`${field} mt-1 w-full`} />
      </div>
      <div className="flex flex-wrap gap-2">
        <Button size="sm" type="submit">
          Capture…
        </Button>
        <Button
          size="sm"
          variant="danger"
          onClick={() => {
            setError(null);
            setStep({ kind: "void" });
          }}
        >
          Void…
        </Button>
      </div>
    </form>
  );
}
