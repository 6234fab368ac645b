"use client";

import { startRegistration, type PublicKeyCredentialCreationOptionsJSON } from "@simplewebauthn/browser";
import QRCode from "qrcode";
import { useState } from "react";
import { Button } from "./button";
import { fieldClass, fieldLabelClass } from "./form-fields";
import { RecoveryCodes } from "./recovery-codes";

type Fail = { ok: false; message: string };
export type SetupActions = {
  startTotp: () => Promise<{ ok: true; data: { secret: string; uri: string } } | Fail>;
  confirmTotp: (code: string) => Promise<{ ok: true; data: { recoveryCodes: string[] } } | Fail>;
  passkeyOptions: () => Promise<{ ok: true; data: PublicKeyCredentialCreationOptionsJSON } | Fail>;
  finishPasskey: (name: string, response: unknown) => Promise<{ ok: true; data: { name: string; recoveryCodes: string[] } } | Fail>;
};

/**
 * Setting up a second factor: a passkey (the browser's own dialog; the device unlocks it with a
 * PIN or fingerprint) or an authenticator app (scan the QR code, type the code it shows). The
 * first one comes with recovery codes, shown once.
 */
export function SecondFactorSetup({ actions, hasTotp, onChange }: { actions: SetupActions; hasTotp: boolean; onChange: () => void }) {
  const [totp, setTotp] = useState<{ secret: string; qr: string } | null>(null);
  const [code, setCode] = useState("");
  const [codes, setCodes] = useState<string[] | null>(null);
  const [name, setName] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const done = (recoveryCodes: string[]) => {
    if (recoveryCodes.length) setCodes(recoveryCodes);
    else onChange();
  };

  async function addPasskey() {
    setBusy(true);
    setError(null);
    const options = await actions.passkeyOptions();
    if (!options.ok) return (setBusy(false), setError(options.message));
    try {
      const response = await startRegistration({ optionsJSON: options.data });
      const res = await actions.finishPasskey(name || "Passkey", response);
      setBusy(false);
      if (res.ok) done(res.data.recoveryCodes);
      else setError(res.message);
    } catch {
      setBusy(false);
      setError("No passkey was created. Try again.");
    }
  }

  if (codes) return <RecoveryCodes codes={codes} onDone={onChange} />;

  return (
    <div className="space-y-5">
      <div className="space-y-2">
        <h3 className="text-sm font-semibold text-slate-900 dark:text-white">Passkey</h3>
        <p className="text-sm text-slate-600 dark:text-slate-300">Signs you in without a password and confirms large approvals with a touch or a PIN.</p>
        <div className="flex flex-wrap items-end gap-2">
          <div className="min-w-48 flex-1">
            <label htmlFor="passkey-name" className={fieldLabelClass}>
              Name it (optional)
            </label>
            <input id="passkey-name" value={name} maxLength={60} onChange={(e) => setName(e.target.value)} placeholder="Work laptop" className={fieldClass} />
          </div>
          <Button onClick={addPasskey} disabled={busy}>
            Add a passkey
          </Button>
        </div>
      </div>
      {!hasTotp && (
        <div className="space-y-2 border-t border-slate-200 pt-4 dark:border-slate-800">
          <h3 className="text-sm font-semibold text-slate-900 dark:text-white">Authenticator app</h3>
          {!totp ? (
            <>
              <p className="text-sm text-slate-600 dark:text-slate-300">A six-digit code from an app such as 1Password, Google Authenticator or Authy.</p>
              <Button
                variant="secondary"
                disabled={busy}
                onClick={async () => {
                  setError(null);
                  const res = await actions.startTotp();
                  if (!res.ok) return setError(res.message);
                  // The QR code is drawn in the browser (the `qrcode` package): the secret goes to no other service.
                  setTotp({ secret: res.data.secret, qr: await QRCode.toDataURL(res.data.uri, { margin: 1, width: 184 }) });
                }}
              >
                Set up an authenticator app
              </Button>
            </>
          ) : (
            <form
              className="flex flex-wrap items-start gap-4"
              onSubmit={async (e) => {
                e.preventDefault();
                setBusy(true);
                setError(null);
                const res = await actions.confirmTotp(code);
                setBusy(false);
                if (res.ok) done(res.data.recoveryCodes);
                else setError(res.message);
              }}
            >
              {/* eslint-disable-next-line @next/next/no-img-element -- a data: URL drawn on the server, nothing to optimise */}
              <img
                src={totp.qr}
                alt="QR code for your authenticator app"
                width={184}
                height={184}
                className="rounded-lg ring-1 ring-slate-200 dark:ring-slate-700"
              />
              <div className="min-w-56 flex-1 space-y-3">
                <p className="text-sm text-slate-600 dark:text-slate-300">
                  Scan it, or type this key into the app:{" "}
                  <code data-testid="totp-secret" className="break-all font-mono text-xs text-slate-900 dark:text-slate-100">
                    {totp.secret}
                  </code>
                </p>
                <div>
                  <label htmlFor="totp-code" className={fieldLabelClass}>
                    Code the app shows
                  </label>
                  <input
                    id="totp-code"
                    value={code}
                    onChange={(e) => setCode(e.target.value)}
                    inputMode="numeric"
                    autoComplete="one-time-code"
                    maxLength={8}
                    className={`${fieldClass} font-mono tracking-widest`}
                  />
                </div>
                <Button type="submit" disabled={busy || code.trim().length < 6}>
                  Turn on
                </Button>
              </div>
            </form>
          )}
        </div>
      )}
      {error && (
        <p role="alert" className="text-sm text-rose-700 dark:text-rose-300">
          {error}
        </p>
      )}
    </div>
  );
}
