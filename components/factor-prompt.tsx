"use client";

import { startAuthentication, type PublicKeyCredentialRequestOptionsJSON } from "@simplewebauthn/browser";
import { useState } from "react";
import { Button } from "./button";
import { fieldClass, fieldLabelClass } from "./form-fields";

type Result = { ok: true } | { ok: false; message: string };
export type FactorActions = {
  /** Options for a passkey assertion of the signed-in person. */
  passkeyOptions: () => Promise<{ ok: true; data: PublicKeyCredentialRequestOptionsJSON } | { ok: false; message: string }>;
  /** Sends the proof; resolves when the server recorded it. */
  prove: (proof: { method: "totp" | "recovery_code"; code: string } | { method: "passkey"; response: unknown }) => Promise<Result>;
};

type ActionResultLike<T> = { ok: true; data: T } | { ok: false; message: string };

/** FactorActions from a pair of server actions (a passkey challenge, a proof). */
export function factorActions(
  options: () => Promise<ActionResultLike<PublicKeyCredentialRequestOptionsJSON>>,
  prove: (proof: never) => Promise<ActionResultLike<unknown>>,
): FactorActions {
  return {
    passkeyOptions: options,
    prove: async (proof) => {
      const res = await prove(proof as never);
      return res.ok ? { ok: true } : { ok: false, message: res.message };
    },
  };
}

/**
 * Asks the signed-in person for their second factor: their passkey (the browser's own dialog),
 * or a six-digit code from their authenticator app, or (at sign-in only) a recovery code.
 */
export function FactorPrompt({ actions, allowRecovery, onDone }: { actions: FactorActions; allowRecovery?: boolean; onDone: () => void }) {
  const [mode, setMode] = useState<"totp" | "recovery_code">("totp");
  const [code, setCode] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const finish = (res: Result) => {
    setBusy(false);
    if (res.ok) onDone();
    else setError(res.message);
  };

  async function usePasskey() {
    setBusy(true);
    setError(null);
    const options = await actions.passkeyOptions();
    if (!options.ok) return finish(options);
    try {
      const response = await startAuthentication({ optionsJSON: options.data });
      finish(await actions.prove({ method: "passkey", response }));
    } catch {
      finish({ ok: false, message: "The passkey was not used. Try again, or type a code instead." });
    }
  }

  return (
    <div className="space-y-4">
      <Button className="w-full" onClick={usePasskey} disabled={busy}>
        Use my passkey
      </Button>
      <div className="flex items-center gap-3 text-xs text-slate-500 dark:text-slate-400">
        <span className="h-px flex-1 bg-slate-200 dark:bg-slate-700" />
        or
        <span className="h-px flex-1 bg-slate-200 dark:bg-slate-700" />
      </div>
      <form
        className="space-y-3"
        onSubmit={async (e) => {
          e.preventDefault();
          setBusy(true);
          setError(null);
          finish(await actions.prove({ method: mode, code }));
        }}
      >
        <div>
          <label htmlFor="factor-code" className={fieldLabelClass}>
            {mode === "totp" ? "Code from your authenticator app" : "One of your recovery codes"}
          </label>
          <input
            id="factor-code"
            name="code"
            value={code}
            onChange={(e) => setCode(e.target.value)}
            autoComplete="one-time-code"
            inputMode={mode === "totp" ? "numeric" : "text"}
            placeholder={mode === "totp" ? "123456" : "abcde-fghjk"}
            maxLength={mode === "totp" ? 8 : 16}
            className={`${fieldClass} font-mono tracking-widest`}
          />
        </div>
        {error && (
          <p role="alert" data-testid="factor-error" className="text-sm text-rose-700 dark:text-rose-300">
            {error}
          </p>
        )}
        <div className="flex items-center justify-between gap-2">
          {allowRecovery ? (
            <button
              type="button"
              className="text-xs text-slate-500 underline-offset-2 hover:underline dark:text-slate-400"
              onClick={() => {
                setMode(mode === "totp" ? "recovery_code" : "totp");
                setCode("");
              }}
            >
              {mode === "totp" ? "Use a recovery code" : "Use the authenticator app"}
            </button>
          ) : (
            <span />
          )}
          <Button type="submit" variant="secondary" disabled={busy || code.trim().length < 6}>
            Confirm code
          </Button>
        </div>
      </form>
    </div>
  );
}
