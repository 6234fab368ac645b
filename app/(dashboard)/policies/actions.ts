"use server";

import { z } from "zod";
import { ActionIdSchema, defineAction } from "@/lib/actions/define-action";
import { jsonStructureProblem } from "@/lib/api/parse-json-text";
import { validationError } from "@/lib/errors/app-error";
import { backtestPolicy } from "@/lib/policies/backtest/backtest-policy";
import { BacktestPolicySchema, SetPolicySchema } from "@/lib/policies/policy-schemas";
import { approvePolicyChange } from "@/lib/policies/proposals/approve-policy-change";
import { proposePolicyChange } from "@/lib/policies/proposals/propose-policy-change";
import { rejectPolicyChange } from "@/lib/policies/proposals/reject-policy-change";
import { RejectPolicyChangeSchema } from "@/lib/policies/policy-change-schemas";
import { startShadowPolicy } from "@/lib/policies/shadow/start-shadow-policy";
import { stopShadowPolicy } from "@/lib/policies/shadow/stop-shadow-policy";

/** The JSON editor's text as a document; the policy engine's schema then checks it (field details). */
const parseDocument = (text: string): unknown => {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    throw validationError("The policy is not valid JSON", [{ field: "(document)", issue: (e as Error).message }]);
  }
  const problem = jsonStructureProblem(text);
  if (problem) throw validationError(`The policy: ${problem.field} is ${problem.issue === "duplicate key" ? "a repeated key" : problem.issue}`, [problem]);
  return doc;
};

/**
 * Proposes the editor's document, with its reason, on top of the version the editor loaded
 * (four eyes: with two or more admins it waits for a second one, else it is live at once);
 * proposePolicyChange validates it, refuses a stale base (409) and writes the audit events.
 */
export const proposePolicyAction = defineAction({
  args: ["text", "baseVersion", "reason"],
  input: z.strictObject({ text: z.string(), baseVersion: SetPolicySchema.shape.base_version, reason: SetPolicySchema.shape.reason }),
  revalidate: "/policies",
  run: async ({ db, principal }, { text, baseVersion, reason }) => {
    const p = await proposePolicyChange(db, principal, principal.orgId, {
      kind: "edit",
      document: parseDocument(text) as Record<string, unknown>,
      base_version: baseVersion,
      reason,
    });
    return { status: p.status, version: p.applied_version };
  },
});

/** What the editor's draft would have decided over the last 7, 30 or 90 days (nothing is saved). */
export const backtestPolicyAction = defineAction({
  args: ["text", "days"],
  input: z.strictObject({ text: z.string(), days: BacktestPolicySchema.shape.days }),
  run: async ({ db, principal }, { text, days }) => backtestPolicy(db, principal, principal.orgId, parseDocument(text), days),
});

/** Runs the editor's draft in shadow beside the live policy (replacing a running draft). */
export const startShadowAction = defineAction({
  args: ["text"],
  input: z.strictObject({ text: z.string() }),
  revalidate: "/policies",
  run: async ({ db, principal }, { text }) => ({ id: await startShadowPolicy(db, principal, principal.orgId, parseDocument(text)) }),
});

export const stopShadowAction = defineAction({
  args: [],
  input: z.strictObject({}),
  revalidate: "/policies",
  run: async ({ db, principal }) => ({ id: await stopShadowPolicy(db, principal, principal.orgId) }),
});

/** A second admin makes a proposed change live (the verb refuses the proposer and a stale base). */
export const approvePolicyChangeAction = defineAction({
  args: ["id"],
  input: z.strictObject({ id: ActionIdSchema }),
  revalidate: { path: "/policies", type: "layout" },
  run: async ({ db, principal }, { id }) => {
    const p = await approvePolicyChange(db, principal, principal.orgId, id);
    return { version: p.applied_version };
  },
});

/** Turns a proposed change down with a reason (the proposer's own: withdrawn). */
export const rejectPolicyChangeAction = defineAction({
  args: ["id", "reason"],
  input: z.strictObject({ id: ActionIdSchema, reason: RejectPolicyChangeSchema.shape.reason }),
  revalidate: { path: "/policies", type: "layout" },
  run: async ({ db, principal }, { id, reason }) => ({ status: (await rejectPolicyChange(db, principal, principal.orgId, id, reason)).status }),
});

/** Proposes bringing back an earlier version (four eyes, like any change). */
export const restorePolicyVersionAction = defineAction({
  args: ["version", "baseVersion", "reason"],
  input: z.strictObject({ version: z.int().min(1), baseVersion: SetPolicySchema.shape.base_version, reason: SetPolicySchema.shape.reason }),
  revalidate: { path: "/policies", type: "layout" },
  run: async ({ db, principal }, { version, baseVersion, reason }) => {
    const p = await proposePolicyChange(db, principal, principal.orgId, { kind: "restore", version, base_version: baseVersion, reason });
    return { status: p.status, version: p.applied_version };
  },
});

/** Proposes making the draft running in shadow the live policy (four eyes). */
export const promoteShadowAction = defineAction({
  args: ["baseVersion", "reason"],
  input: z.strictObject({ baseVersion: SetPolicySchema.shape.base_version, reason: SetPolicySchema.shape.reason }),
  revalidate: { path: "/policies", type: "layout" },
  run: async ({ db, principal }, { baseVersion, reason }) => {
    const p = await proposePolicyChange(db, principal, principal.orgId, { kind: "promote_shadow", base_version: baseVersion, reason });
    return { status: p.status, version: p.applied_version };
  },
});
