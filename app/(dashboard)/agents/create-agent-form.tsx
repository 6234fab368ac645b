"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/button";
import { Card, CardHeader } from "@/components/card";
import { useToast } from "@/components/toast";
import { fieldClass } from "@/components/form-fields";
import { createAgentAction } from "./actions";

const label = "mb-1 block text-xs font-medium text-slate-600 dark:text-slate-300";

/** Admins register an agent here with its wallet's starting balance (the CLI can too); the wallet is in the organisation's currency (another is refused). */
export function CreateAgentForm({ currency }: { currency: string }) {
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const router = useRouter();
  const toast = useToast();
  if (!open) return <Button onClick={() => setOpen(true)}>Register agent</Button>;
  return (
    <Card className="mb-6 w-full" aria-labelledby="new-agent-h">
      <CardHeader id="new-agent-h" title="Register an agent" description="It gets a wallet with this starting balance; create its API key on its page." />
      <form
        className="grid gap-3 p-5 sm:grid-cols-5 sm:items-end"
        onSubmit={(e) => {
          e.preventDefault();
          const f = new FormData(e.currentTarget);
          start(async () => {
            const res = await createAgentAction({
              name: String(f.get("name") ?? ""),
              owner: String(f.get("owner") ?? ""),
              currency: String(f.get("currency") ?? ""),
              balance: String(f.get("balance") ?? ""),
            });
            if (!res.ok) return setError(res.message);
            toast({ tone: "success", title: "Agent registered" });
            router.push(`/agents/${res.data.id}`);
          });
        }}
      >
        <div className="sm:col-span-2">
          <label htmlFor="agent-name" className={label}>
            Name
          </label>
          <input id="agent-name" name="name" required maxLength={200} className={fieldClass} />
        </div>
        <div>
          <label htmlFor="agent-owner" className={label}>
            Owner
          </label>
          <input id="agent-owner" name="owner" maxLength={200} placeholder="team or person" className={fieldClass} />
        </div>
        <div>
          <label htmlFor="agent-currency" className={label}>
            Currency
          </label>
          {/* Read-only: the policy's limits are in the organisation's currency, so wallets are too. */}
          <input id="agent-currency" name="currency" value={currency} readOnly className={fieldClass} title="Wallets are in the organisation's currency" />
        </div>
        <div>
          <label htmlFor="agent-balance" className={label}>
            Starting balance
          </label>
          <input
            id="agent-balance"
            name="balance"
            inputMode="decimal"
            placeholder="0"
            className={fieldClass}
            aria-invalid={!!error}
            aria-describedby={error ? "agent-error" : undefined}
          />
        </div>
        {error && (
          <p id="agent-error" role="alert" className="text-sm text-rose-600 sm:col-span-5 dark:text-rose-400">
            {error}
          </p>
        )}
        <div className="flex gap-2 sm:col-span-5 sm:justify-end">
          <Button variant="ghost" onClick={() => setOpen(false)}>
            Cancel
          </Button>
          <Button type="submit" disabled={pending}>
            {pending ? "Registering…" : "Register agent"}
          </Button>
        </div>
      </form>
    </Card>
  );
}
