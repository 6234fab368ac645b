"use client";

import { useId, useState, useTransition } from "react";
import { Button } from "@/components/button";
import { Card, CardHeader } from "@/components/card";
import { FieldError, fieldIssue } from "@/components/field-error";
import { fieldClass, fieldLabelClass } from "@/components/form-fields";
import { CopyField } from "@/components/rails/copy-field";
import { RAIL_PROVIDERS, railLabel } from "@/components/rails/rail-providers";
import { useToast } from "@/components/toast";
import type { ActionResult } from "@/lib/actions/action-result";
import type { RailProvider } from "@/lib/rails/rail-adapter";
import type { RailConnectionDto } from "@/lib/rails/rail-schemas";
import { connectRailAction } from "./actions";

type Refusal = Extract<ActionResult<unknown>, { ok: false }>;

/**
 * Connects a rail: the provider and its signing secret. The secret field is cleared on success and
 * the secret is never shown again; what stays on screen is the webhook URL to paste into the rail.
 */
export function ConnectRailForm({ activeProviders }: { activeProviders: RailProvider[] }) {
  const free = RAIL_PROVIDERS.filter((p) => !activeProviders.includes(p.id));
  const [provider, setProvider] = useState<RailProvider>(free[0]?.id ?? "stripe");
  const [secret, setSecret] = useState("");
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [connected, setConnected] = useState<RailConnectionDto | null>(null);
  const [pending, start] = useTransition();
  const toast = useToast();
  const secretId = useId();
  const chosen = RAIL_PROVIDERS.find((p) => p.id === provider)!;
  const taken = activeProviders.includes(provider);

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    start(async () => {
      const res = await connectRailAction({ provider, webhookSecret: secret });
      if (res.ok) {
        setConnected(res.data);
        // The form moves on to a rail that is still free (if any), so it never offers the one just connected.
        const next = RAIL_PROVIDERS.find((p) => p.id !== res.data.provider && !activeProviders.includes(p.id));
        if (next) setProvider(next.id);
        setSecret("");
        setRefusal(null);
        toast({ tone: "success", title: `${railLabel(res.data.provider)} connected` });
      } else setRefusal(res);
    });
  };
  const secretError = fieldIssue(refusal, "webhookSecret", "webhook_secret");

  return (
    <Card aria-labelledby="connect-rail-h" className="self-start">
      <CardHeader id="connect-rail-h" title="Connect a rail" description="Admins only. The secret is stored encrypted and never shown again." />
      {connected && (
        <div
          role="status"
          data-testid="rail-connected"
          className="space-y-3 border-b border-emerald-200 bg-emerald-50 px-5 py-4 dark:border-emerald-900 dark:bg-emerald-950/40"
        >
          <p className="text-sm font-medium text-emerald-900 dark:text-emerald-200">
            {railLabel(connected.provider)} is connected. Paste this URL into {railLabel(connected.provider)} to finish:
          </p>
          <CopyField label="Webhook URL" value={connected.webhook_url} testId="new-rail-webhook-url" />
          <Button size="sm" variant="ghost" onClick={() => setConnected(null)}>
            Done
          </Button>
        </div>
      )}
      <form onSubmit={submit} className="space-y-4 px-5 py-4" noValidate>
        <fieldset>
          <legend className={fieldLabelClass}>Rail</legend>
          <div className="flex flex-wrap gap-2">
            {RAIL_PROVIDERS.map((p) => (
              <label
                key={p.id}
                className="flex cursor-pointer items-center gap-2 rounded-lg px-3 py-2 text-sm ring-1 ring-slate-300 ring-inset has-[:checked]:bg-brand-50 has-[:checked]:ring-brand-600 dark:ring-slate-700 dark:has-[:checked]:bg-brand-500/15 dark:has-[:checked]:ring-brand-400"
              >
                <input type="radio" name="provider" value={p.id} checked={provider === p.id} onChange={() => setProvider(p.id)} className="accent-brand-600" />
                {p.label}
              </label>
            ))}
          </div>
          {taken && (
            <p className="mt-2 text-xs text-amber-800 dark:text-amber-300">
              {chosen.label} is already connected. To change its secret, disconnect it first, then connect again.
            </p>
          )}
        </fieldset>
        <div>
          <label htmlFor={secretId} className={fieldLabelClass}>
            {chosen.secretLabel}
          </label>
          <input
            id={secretId}
            type="password"
            autoComplete="off"
            spellCheck={false}
            required
            value={secret}
            onChange={(e) => setSecret(e.target.value)}
            aria-invalid={secretError ? true : undefined}
            aria-describedby={`${secretId}-hint${secretError ? ` ${secretId}-error` : ""}`}
            className={`${fieldClass} font-mono`}
            placeholder="whsec_…"
          />
          <p id={`${secretId}-hint`} className="mt-1 text-xs text-slate-500 dark:text-slate-400">
            {chosen.secretHint}
          </p>
          <FieldError id={`${secretId}-error`} message={secretError} />
        </div>
        {refusal && !secretError && (
          <p role="alert" className="text-sm text-rose-700 dark:text-rose-300">
            {refusal.message}
          </p>
        )}
        <Button type="submit" disabled={pending || taken || secret.trim() === ""}>
          {pending ? "Connecting…" : `Connect ${chosen.label}`}
        </Button>
      </form>
    </Card>
  );
}
