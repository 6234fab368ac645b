"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { requireSession } from "@/lib/auth/require-session";
import { toActionResult } from "@/lib/actions/action-result";
import { validationError } from "@/lib/errors/app-error";
import { setOrgPolicy } from "@/lib/policies/set-org-policy";
import { backtestPolicy } from "@/lib/policies/backtest/backtest-policy";
import { BacktestPolicySchema } from "@/lib/policies/policy-schemas";
import { startShadowPolicy } from "@/lib/policies/shadow/start-shadow-policy";
import { stopShadowPolicy } from "@/lib/policies/shadow/stop-shadow-policy";

const parseDocument = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch (e) {
    throw validationError("The policy is not valid JSON", [{ field: "(document)", issue: (e as Error).message }]);
  }
};

/**
 * Saves the policy from the JSON editor on top of the version the editor loaded;
 * setOrgPolicy validates it, refuses a stale base (409) and writes the audit event.
 */
export async function savePolicyAction(text: string, baseVersion: number) {
  const { db, principal } = await requireSession();
  return toActionResult(async () => {
    const saved = await setOrgPolicy(db, principal, principal.orgId, parseDocument(text), z.int().min(0).parse(baseVersion));
    revalidatePath("/policies");
    return { version: saved.version };
  });
}

/** What the editor's draft would have decided over the last 7, 30 or 90 days (nothing is saved). */
export async function backtestPolicyAction(text: string, days: number) {
  const { db, principal } = await requireSession();
  return toActionResult(async () => backtestPolicy(db, principal, principal.orgId, parseDocument(text), BacktestPolicySchema.shape.days.parse(days)));
}

/** Runs the editor's draft in shadow beside the live policy (replacing a running draft). */
export async function startShadowAction(text: string) {
  const { db, principal } = await requireSession();
  return toActionResult(async () => {
    const id = await startShadowPolicy(db, principal, principal.orgId, parseDocument(text));
    revalidatePath("/policies");
    return { id };
  });
}

export async function stopShadowAction() {
  const { db, principal } = await requireSession();
  return toActionResult(async () => {
    const id = await stopShadowPolicy(db, principal, principal.orgId);
    revalidatePath("/policies");
    return { id };
  });
}
