"use client";

import { signIn } from "next-auth/react";
import { useEffect, useRef, useState } from "react";
import { Button } from "@/components/button";
import { fieldClass, fieldLabelClass } from "@/components/form-fields";

type Link = { purpose: "invite" | "reset"; email: string; organisation: string };

async function post(body: object): Promise<{ ok: boolean; data: { message?: string; error?: { message: string } } & Partial<Link> }> {
  const res = await fetch("/set-password/redeem", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
  return { ok: res.ok, data: await res.json().catch(() => ({ error: { message: "Something went wrong. Try again." } })) };
}

export function SetPasswordForm() {
  const token = useRef<string | null>(null);
  const [link, setLink] = useState<Link | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    const t = window.location.hash.slice(1);
    token.current = t;
    post({ token: t }).then((res) => (res.ok ? setLink(res.data as Link) : setError(res.data.error?.message ?? "This link is no longer valid.")));
  }, []);

  if (error && !link)
    return (
      <p role="alert" data-testid="link-error" className="text-sm text-rose-700 dark:text-rose-300">
        {error}
      </p>
    );
  if (!link) return <p className="text-sm text-slate-500 dark:text-slate-400">Checking the link…</p>;

  return (
    <form
      className="space-y-4"
      onSubmit={async (e) => {
        e.preventDefault();
        const f = new FormData(e.currentTarget);
        const [password, again] = [String(f.get("password") ?? ""), String(f.get("again") ?? "")];
        if (password !== again) return setError("The two passwords differ.");
        setBusy(true);
        setError(null);
        const res = await post({ token: token.current, password });
        if (!res.ok) return (setBusy(false), setError(res.data.error?.message ?? "The password was not saved."));
        const signedIn = await signIn("credentials", { email: link.email, password, redirect: false });
        window.location.assign(signedIn?.ok ? "/" : "/sign-in");
      }}
    >
      <p className="text-sm text-slate-600 dark:text-slate-300">
        {link.purpose === "invite" ? "You are joining" : "A new password for"} <strong className="text-slate-900 dark:text-white">{link.organisation}</strong>{" "}
        as{" "}
        <strong data-testid="link-email" className="text-slate-900 dark:text-white">
          {link.email}
        </strong>
        .
      </p>
      <div>
        <label htmlFor="password" className={fieldLabelClass}>
          Password (at least 8 characters)
        </label>
        <input id="password" name="password" type="password" autoComplete="new-password" minLength={8} required className={fieldClass} />
      </div>
      <div>
        <label htmlFor="again" className={fieldLabelClass}>
          The same again
        </label>
        <input id="again" name="again" type="password" autoComplete="new-password" minLength={8} required className={fieldClass} />
      </div>
      {error && (
        <p role="alert" className="text-sm text-rose-700 dark:text-rose-300">
          {error}
        </p>
      )}
      <Button type="submit" className="w-full" disabled={busy}>
        {busy ? "Saving…" : "Save password and sign in"}
      </Button>
    </form>
  );
}
