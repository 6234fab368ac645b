"use client";

import { startAuthentication } from "@simplewebauthn/browser";
import { signIn } from "next-auth/react";
import { useState, useSyncExternalStore } from "react";
import { Button } from "@/components/button";

const input =
  "block w-full rounded-lg border-0 bg-white px-3 py-2 text-sm text-slate-900 shadow-sm ring-1 ring-inset ring-slate-300 placeholder:text-slate-400 focus:ring-2 focus:ring-brand-500 dark:bg-slate-950 dark:text-white dark:ring-slate-700";

function readable(error: string): string {
  if (error === "CredentialsSignin") return "The email or password is not correct.";
  return error;
}

const noop = () => () => {};

/** Only this site: an outside callbackUrl would turn sign-in into an open redirect. */
function sameSite(url: string): string {
  try {
    const u = new URL(url, window.location.origin);
    return u.origin === window.location.origin ? `${u.pathname}${u.search}${u.hash}` : "/";
  } catch {
    return "/";
  }
}

export function SignInForm({ callbackUrl, initialError, singleSignOn }: { callbackUrl: string; initialError: string | null; singleSignOn: boolean }) {
  const [error, setError] = useState<string | null>(initialError ? readable(initialError) : null);
  const [busy, setBusy] = useState(false);
  // Until hydrated, a submit would be a native form post: keep the button off until then.
  const ready = useSyncExternalStore(
    noop,
    () => true,
    () => false,
  );

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    setBusy(true);
    setError(null);
    const next = sameSite(callbackUrl);
    const res = await signIn("credentials", { email: form.get("email"), password: form.get("password"), redirect: false, callbackUrl: next });
    if (!res || res.error) {
      setBusy(false);
      setError(readable(res?.error ?? "Sign-in failed. Try again."));
      return;
    }
    window.location.assign(next);
  }

  /** A discoverable passkey: no email to type; the browser offers the passkeys it holds for this site. */
  async function withPasskey() {
    setBusy(true);
    setError(null);
    const next = sameSite(callbackUrl);
    try {
      const options = await (await fetch("/sign-in/passkey", { method: "POST" })).json();
      const response = await startAuthentication({ optionsJSON: options });
      const res = await signIn("passkey", { response: JSON.stringify(response), redirect: false, callbackUrl: next });
      if (!res || res.error) throw new Error(res?.error ?? "The passkey was not accepted.");
      window.location.assign(next);
    } catch (e) {
      setBusy(false);
      setError(e instanceof Error && e.message.startsWith("The passkey") ? e.message : "No passkey was used. Try again, or sign in with your password.");
    }
  }

  return (
    <div className="space-y-4">
      <form method="post" onSubmit={onSubmit} className="space-y-4" noValidate>
        {error && (
          <div
            role="alert"
            data-testid="sign-in-error"
            className="rounded-lg border border-rose-200 bg-rose-50 px-3 py-2 text-sm text-rose-800 dark:border-rose-900 dark:bg-rose-950 dark:text-rose-200"
          >
            {error}
          </div>
        )}
        <div>
          <label htmlFor="email" className="mb-1.5 block text-sm font-medium text-slate-700 dark:text-slate-200">
            Work email
          </label>
          <input id="email" name="email" type="email" autoComplete="username" required className={input} placeholder="you@company.com" />
        </div>
        <div>
          <label htmlFor="password" className="mb-1.5 block text-sm font-medium text-slate-700 dark:text-slate-200">
            Password
          </label>
          <input id="password" name="password" type="password" autoComplete="current-password" required className={input} />
        </div>
        <Button type="submit" className="w-full" disabled={busy || !ready}>
          {busy ? "Signing in…" : "Sign in"}
        </Button>
      </form>
      <div className="flex items-center gap-3 text-xs text-slate-500 dark:text-slate-400">
        <span className="h-px flex-1 bg-slate-200 dark:bg-slate-700" />
        or
        <span className="h-px flex-1 bg-slate-200 dark:bg-slate-700" />
      </div>
      <Button variant="secondary" className="w-full" onClick={withPasskey} disabled={busy || !ready}>
        Sign in with a passkey
      </Button>
      {singleSignOn && (
        <Button variant="secondary" className="w-full" onClick={() => signIn("oidc", { callbackUrl: sameSite(callbackUrl) })} disabled={busy || !ready}>
          Sign in with single sign-on
        </Button>
      )}
    </div>
  );
}
