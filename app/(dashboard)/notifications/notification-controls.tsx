"use client";

import { useTransition } from "react";
import { Button } from "@/components/button";
import { useToast } from "@/components/toast";
import { markAllReadAction, setPreferenceAction } from "./actions";

const OPTIONS = [
  { value: "immediate", label: "Each one at once" },
  { value: "digest", label: "A daily digest" },
  { value: "off", label: "No email" },
] as const;

export function MarkAllReadButton({ disabled }: { disabled: boolean }) {
  const [pending, start] = useTransition();
  return (
    <Button size="sm" variant="secondary" disabled={disabled || pending} onClick={() => start(async () => void (await markAllReadAction()))}>
      Mark all as read
    </Button>
  );
}

/** How this person wants approval email; the list on this page fills either way. */
export function PreferenceForm({ value, smtp }: { value: string; smtp: boolean }) {
  const [pending, start] = useTransition();
  const toast = useToast();
  const choose = (preference: string) =>
    start(async () => {
      const res = await setPreferenceAction(preference);
      toast(res.ok ? { tone: "success", title: "Saved" } : { tone: "error", title: "Not saved", message: res.message });
    });
  return (
    <fieldset disabled={pending} className="space-y-2">
      <legend className="text-sm font-medium text-slate-900 dark:text-white">Email me about approvals</legend>
      {OPTIONS.map((o) => (
        <label key={o.value} className="flex items-center gap-2 text-sm text-slate-700 dark:text-slate-300">
          <input
            type="radio"
            name="preference"
            value={o.value}
            defaultChecked={value === o.value}
            onChange={() => choose(o.value)}
            className="accent-brand-600"
          />
          {o.label}
        </label>
      ))}
      {!smtp && <p className="text-xs text-slate-500 dark:text-slate-400">Email is not set up on this server (SMTP_URL), so notifications appear only here.</p>}
    </fieldset>
  );
}
