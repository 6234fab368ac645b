"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Badge } from "@/components/badge";
import { Button } from "@/components/button";
import { Card, CardBody, CardHeader } from "@/components/card";
import { identitySetupActions } from "@/components/identity-setup-actions";
import { Time } from "@/components/org-time";
import { RecoveryCodes } from "@/components/recovery-codes";
import { SecondFactorSetup } from "@/components/second-factor-setup";
import { useStepUp } from "@/components/step-up";
import { useToast } from "@/components/toast";
import type { SecondFactors } from "@/lib/second-factors/list-second-factors";
import { regenerateRecoveryCodesAction, removeSecondFactorAction } from "./actions";

type Result<T> = { ok: true; data: T } | { ok: false; code: string; message: string };

/** The person's passkeys and authenticator app, setting up another, and recovery codes. Removing one asks for a fresh check first. */
export function SecondFactorsPanel({ factors }: { factors: SecondFactors }) {
  const [codes, setCodes] = useState<string[] | null>(null);
  const [pending, start] = useTransition();
  const router = useRouter();
  const toast = useToast();
  const stepUp = useStepUp();
  const none = factors.passkeys.length === 0 && !factors.totpEnabledAt;

  /** Runs an action that may want a fresh second factor: asks for it, then runs it again. */
  const withStepUp = <T,>(run: () => Promise<Result<T>>, done: (data: T) => void) =>
    start(async () => {
      let res = await run();
      if (!res.ok && res.code === "step_up_required" && (await stepUp(res.message))) res = await run();
      if (res.ok) done(res.data);
      else toast({ tone: "error", title: "Not changed", message: res.message });
      router.refresh();
    });

  return (
    <Card aria-labelledby="factors-h">
      <CardHeader
        id="factors-h"
        title="Second factors"
        description={
          factors.required
            ? "Your organisation requires one. Keep two, in case you lose a device."
            : "A passkey or an authenticator app protects your account and confirms large approvals."
        }
      />
      <ul aria-label="Your second factors" className="divide-y divide-slate-100 dark:divide-slate-800">
        {factors.passkeys.map((p) => (
          <li key={p.id} data-testid="passkey" className="flex items-center justify-between gap-3 px-5 py-3">
            <div className="min-w-0">
              <p className="text-sm font-medium text-slate-900 dark:text-white">
                {p.name} <Badge tone="blue">Passkey</Badge>
              </p>
              <p className="text-xs text-slate-500 dark:text-slate-400">
                Added <Time at={p.createdAt} dateOnly />
                {p.lastUsedAt && (
                  <>
                    {" "}
                    · last used <Time at={p.lastUsedAt} />
                  </>
                )}
              </p>
            </div>
            <Button
              size="sm"
              variant="danger"
              disabled={pending}
              onClick={() =>
                withStepUp(
                  () => removeSecondFactorAction("passkey", p.id),
                  () => toast({ tone: "success", title: `${p.name} removed` }),
                )
              }
            >
              Remove
            </Button>
          </li>
        ))}
        {factors.totpEnabledAt && (
          <li data-testid="totp" className="flex items-center justify-between gap-3 px-5 py-3">
            <div>
              <p className="text-sm font-medium text-slate-900 dark:text-white">
                Authenticator app <Badge tone="blue">TOTP</Badge>
              </p>
              <p className="text-xs text-slate-500 dark:text-slate-400">
                On since <Time at={factors.totpEnabledAt} dateOnly />
              </p>
            </div>
            <Button
              size="sm"
              variant="danger"
              disabled={pending}
              onClick={() =>
                withStepUp(
                  () => removeSecondFactorAction("totp"),
                  () => toast({ tone: "success", title: "Authenticator app removed" }),
                )
              }
            >
              Remove
            </Button>
          </li>
        )}
        {none && <li className="px-5 py-3 text-sm text-slate-500 dark:text-slate-400">None yet.</li>}
      </ul>
      <CardBody className="border-t border-slate-200 dark:border-slate-800">
        {codes ? (
          <RecoveryCodes codes={codes} onDone={() => setCodes(null)} />
        ) : (
          <div className="space-y-5">
            <SecondFactorSetup actions={identitySetupActions} hasTotp={Boolean(factors.totpEnabledAt)} onChange={() => router.refresh()} />
            {!none && (
              <div className="flex flex-wrap items-center justify-between gap-2 border-t border-slate-200 pt-4 text-sm dark:border-slate-800">
                <span className="text-slate-600 dark:text-slate-300">
                  Recovery codes left: <strong data-testid="recovery-left">{factors.recoveryCodesLeft}</strong>
                </span>
                <Button size="sm" variant="secondary" disabled={pending} onClick={() => withStepUp(() => regenerateRecoveryCodesAction(), setCodes)}>
                  New recovery codes
                </Button>
              </div>
            )}
          </div>
        )}
      </CardBody>
    </Card>
  );
}
