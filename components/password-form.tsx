"use client";

import { signIn } from "next-auth/react";
import { useState } from "react";
import { Button } from "./button";
import { fieldClass, fieldLabelClass } from "./form-fields";

type Change = (input: { current: string; next: string }) => Promise<{ ok: true; data: { email: string } } | { ok: false; message: string }>;

/**
 * Changing one's own password. The change ends every session (this one too), so the form
 * signs in again with the new password and goes on to `next`.
 */
export function PasswordForm({ change, next, submitLabel = "Change password" }: { change: Change; next: string; submitLabel?: string }) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <form
      className="space-y-3"
      onSubmit={async (e) => {
        e.preventDefault();
        const f = new FormData(e.currentTarget);
        const [current, fresh, again] = ["current", "next", "again"].map((k) => String(f.get(k) ?? ""));
        if (fresh !== again) return setError("The two new passwords differ.");
        setBusy(true);
        setError(null);
        const res = await change({ current, next: fresh });
        if (!res.ok) return (setBusy(false), setError(res.message));
        const again2 = await signIn("credentials", { email: res.data.email, password: fresh, redirect: false });
        window.location.assign(again2?.ok ? next : "/sign-in");
      }}
    >
      {[
        ["current", "Current password", "current-password"],
        ["next", "New password (at least 8 characters)", "new-password"],
        ["again", "New password again", "new-password"],
      ].map(([id, label, auto]) => (
        <div key={id}>
          <label htmlFor={`pw-${id}`} className={fieldLabelClass}>
            {label}
          </label>
          <input id={`pw-${id}`} name={id} type="password" autoComplete={auto} required minLength={id === "current" ? 1 : 8} className={fieldClass} />
        </div>
      ))}
      {error && (
        <p role="alert" className="text-sm text-rose-700 dark:text-rose-300">
          {error}
        </p>
      )}
      <Button type="submit" disabled={busy}>
        {busy ? "Saving…" : submitLabel}
      </Button>
    </form>
  );
}
