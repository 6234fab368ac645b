"use client";

import { useId, useState, useTransition } from "react";
import { Button } from "@/components/button";
import { Card, CardHeader } from "@/components/card";
import { FieldError, fieldIssue } from "@/components/field-error";
import { fieldClass, fieldLabelClass } from "@/components/form-fields";
import { useToast } from "@/components/toast";
import type { ActionResult } from "@/lib/actions/action-result";
import { setCardSettingsAction } from "./actions";

type Refusal = Extract<ActionResult<unknown>, { ok: false }>;

/** Basis points shown as a percentage (150 → "1.5") and hours from minutes, without trailing zeros. */
const asPercent = (bps: number) => String(bps / 100);
const asHours = (minutes: number) => String(Math.round((minutes / 60) * 100) / 100);

/**
 * How card payments are matched to intents: how far over the intent's amount a payment may go
 * (percent here, basis points stored) and how long after approval an intent covers one (hours
 * here, minutes stored). The server validates again; a refusal is shown by its field.
 */
export function CardSettingsForm({ toleranceBps, validityMinutes }: { toleranceBps: number; validityMinutes: number }) {
  const [tolerance, setTolerance] = useState(asPercent(toleranceBps));
  const [validity, setValidity] = useState(asHours(validityMinutes));
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [pending, start] = useTransition();
  const toast = useToast();
  const toleranceId = useId();
  const validityId = useId();

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    start(async () => {
      const res = await setCardSettingsAction({
        toleranceBps: Math.round(Number(tolerance) * 100),
        validityMinutes: Math.round(Number(validity) * 60),
      });
      if (res.ok) {
        setTolerance(asPercent(res.data.tolerance_bps));
        setValidity(asHours(res.data.validity_minutes));
        setRefusal(null);
        toast({ tone: "success", title: "Card settings saved" });
      } else setRefusal(res);
    });
  };
  const toleranceError = fieldIssue(refusal, "toleranceBps", "tolerance_bps");
  const validityError = fieldIssue(refusal, "validityMinutes", "validity_minutes");

  return (
    <Card aria-labelledby="card-settings-h" className="self-start">
      <CardHeader id="card-settings-h" title="Card payments" description="How a card payment is matched to an approved intent." />
      <form onSubmit={submit} className="space-y-4 px-5 py-4" noValidate>
        <div>
          <label htmlFor={toleranceId} className={fieldLabelClass}>
            Tolerance over the intent (%)
          </label>
          <input
            id={toleranceId}
            type="number"
            inputMode="decimal"
            min={0}
            max={100}
            step={0.01}
            required
            value={tolerance}
            onChange={(e) => setTolerance(e.target.value)}
            aria-invalid={toleranceError ? true : undefined}
            aria-describedby={`${toleranceId}-hint${toleranceError ? ` ${toleranceId}-error` : ""}`}
            className={fieldClass}
          />
          <p id={`${toleranceId}-hint`} className="mt-1 text-xs text-slate-500 dark:text-slate-400">
            A payment up to this much over the intent (a tip, a currency rounding) is approved; the excess is taken from the wallet. 0 means exact.
          </p>
          <FieldError id={`${toleranceId}-error`} message={toleranceError} />
        </div>
        <div>
          <label htmlFor={validityId} className={fieldLabelClass}>
            Approval covers payments for (hours)
          </label>
          <input
            id={validityId}
            type="number"
            inputMode="decimal"
            min={0.02}
            step={0.25}
            required
            value={validity}
            onChange={(e) => setValidity(e.target.value)}
            aria-invalid={validityError ? true : undefined}
            aria-describedby={`${validityId}-hint${validityError ? ` ${validityId}-error` : ""}`}
            className={fieldClass}
          />
          <p id={`${validityId}-hint`} className="mt-1 text-xs text-slate-500 dark:text-slate-400">
            After this long, an approved intent no longer covers card payments.
          </p>
          <FieldError id={`${validityId}-error`} message={validityError} />
        </div>
        {refusal && !toleranceError && !validityError && (
          <p role="alert" className="text-sm text-rose-700 dark:text-rose-300">
            {refusal.message}
          </p>
        )}
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : "Save card settings"}
        </Button>
      </form>
    </Card>
  );
}
