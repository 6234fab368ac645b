"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/button";
import { Card, CardBody, CardHeader } from "@/components/card";
import { fieldClass, fieldLabelClass } from "@/components/form-fields";
import { useToast } from "@/components/toast";
import { parseMajorAmount, toMajorDecimal } from "@/lib/format/money";
import { setSignInRulesAction } from "./actions";

type Rules = { require_second_factor: boolean; step_up_threshold: number | null; currency: string };

/** Settings → Sign-in security: a second factor for admins and approvers, and the step-up threshold for approving. */
export function SignInRulesPanel({ rules }: { rules: Rules }) {
  const [required, setRequired] = useState(rules.require_second_factor);
  const [threshold, setThreshold] = useState(rules.step_up_threshold === null ? "" : toMajorDecimal(rules.step_up_threshold, rules.currency));
  const [pending, start] = useTransition();
  const toast = useToast();
  const router = useRouter();
  return (
    <Card aria-labelledby="sign-in-rules-h">
      <CardHeader
        id="sign-in-rules-h"
        title="Sign-in security"
        description="Passkeys and authenticator apps are second factors. Approving large amounts always asks for a fresh one."
      />
      <CardBody>
        <form
          className="space-y-4"
          onSubmit={(e) => {
            e.preventDefault();
            const minor = threshold.trim() === "" ? null : parseMajorAmount(threshold, rules.currency);
            if (threshold.trim() !== "" && minor === null) return toast({ tone: "error", title: "Not saved", message: "The threshold is not an amount" });
            start(async () => {
              const res = await setSignInRulesAction({ require_second_factor: required, step_up_threshold: minor });
              toast(res.ok ? { tone: "success", title: "Sign-in security saved" } : { tone: "error", title: "Not saved", message: res.message });
              router.refresh();
            });
          }}
        >
          <label className="flex items-start gap-2.5 text-sm text-slate-700 dark:text-slate-200">
            <input type="checkbox" checked={required} onChange={(e) => setRequired(e.target.checked)} className="mt-0.5 size-4 rounded border-slate-300" />
            <span>
              Require a second factor of every admin and approver
              <span className="block text-xs text-slate-500 dark:text-slate-400">Those without one are asked to set one up at their next page.</span>
            </span>
          </label>
          <div>
            <label htmlFor="step-up-threshold" className={fieldLabelClass}>
              Fresh second factor to approve above ({rules.currency})
            </label>
            <input
              id="step-up-threshold"
              value={threshold}
              onChange={(e) => setThreshold(e.target.value)}
              inputMode="decimal"
              placeholder="the policy's admin threshold"
              className={fieldClass}
            />
            <p className="mt-1 text-xs text-slate-500 dark:text-slate-400">Empty: whatever only an admin may approve. API keys cannot approve above it.</p>
          </div>
          <Button type="submit" size="sm" disabled={pending}>
            Save sign-in security
          </Button>
        </form>
      </CardBody>
    </Card>
  );
}
