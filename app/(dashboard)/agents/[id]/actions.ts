"use server";

import { revalidatePath } from "next/cache";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { fundWallet } from "@/lib/wallets/fund-wallet";
import { setLowBalanceThreshold } from "@/lib/wallets/set-low-balance-threshold";
import { revokeApiKey } from "@/lib/api-keys/revoke-api-key";
import { setAgentStatus } from "@/lib/agents/set-agent-status";
import { setRiskOverride } from "@/lib/agents/set-risk-override";
import { requireSession } from "@/lib/auth/require-session";
import { toActionResult } from "@/lib/actions/action-result";
import { validationError } from "@/lib/errors/app-error";
import { parseMajorAmount } from "@/lib/format/money";
import type { RiskLevel } from "@/lib/policies/engine";

/** Admin actions on one agent; lib/permissions checks the role and writes the audit events. */
async function run<T>(agentId: string, fn: (ctx: Awaited<ReturnType<typeof requireSession>>) => Promise<T>) {
  const ctx = await requireSession();
  const result = await toActionResult(() => fn(ctx));
  if (result.ok) revalidatePath(`/agents/${agentId}`);
  return result;
}

export async function setAgentStatusAction(agentId: string, status: "active" | "suspended", rejectPending = false) {
  return run(
    agentId,
    async ({ db, principal }) =>
      (await setAgentStatus(db, principal, { orgId: principal.orgId, agentId, status, rejectPending: rejectPending === true })).status,
  );
}

export async function setRiskOverrideAction(agentId: string, level: RiskLevel | null, reason: string) {
  return run(agentId, async ({ db, principal }) => {
    if (reason.trim().length < 3) throw validationError("Say why you set the risk level", [{ field: "reason", issue: "required" }]);
    return (await setRiskOverride(db, principal, { orgId: principal.orgId, agentId, level, reason: reason.trim() })).risk_level;
  });
}

export async function fundWalletAction(agentId: string, currency: string, amountText: string, memo: string) {
  return run(agentId, async ({ db, principal }) => {
    const amount = parseMajorAmount(amountText, currency);
    if (!amount) throw validationError("Enter an amount greater than zero, like 25,000 or 1250.50", [{ field: "amount", issue: "not a positive amount" }]);
    return fundWallet(db, principal, { orgId: principal.orgId, agentId, amount, currency, memo: memo.trim() || undefined });
  });
}

/** An empty amount turns the alert off. */
export async function setLowBalanceThresholdAction(agentId: string, currency: string, amountText: string) {
  return run(agentId, async ({ db, principal }) => {
    const off = amountText.trim() === "";
    const threshold = off ? null : parseMajorAmount(amountText, currency);
    if (!off && !threshold)
      throw validationError("Enter an amount greater than zero, or leave it empty to turn the alert off", [
        { field: "amount", issue: "not a positive amount" },
      ]);
    return setLowBalanceThreshold(db, principal, { orgId: principal.orgId, agentId, currency, threshold });
  });
}

export async function createAgentKeyAction(agentId: string, name: string) {
  return run(agentId, async ({ db, principal }) => {
    const key = await createApiKey(db, principal, { orgId: principal.orgId, kind: "agent", agentId, name: name.trim() || undefined });
    return { key: key.key, prefix: key.prefix, name: key.name };
  });
}

export async function revokeApiKeyAction(agentId: string, keyId: string) {
  return run(agentId, async ({ db, principal }) => {
    await revokeApiKey(db, principal, { orgId: principal.orgId, keyId });
    return keyId;
  });
}
