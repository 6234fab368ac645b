"use server";

import { z } from "zod";
import { defineAction } from "@/lib/actions/define-action";
import { jsonStructureProblem } from "@/lib/api/parse-json-text";
import { validationError } from "@/lib/errors/app-error";
import { backtestPolicy } from "@/lib/policies/backtest/backtest-policy";
import { BacktestPolicySchema, SetPolicySchema } from "@/lib/policies/policy-schemas";
import { proposePolicyChange } from "@/lib/policies/proposals/propose-policy-change";
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
    const p = await proposePolicyChange(db, principal, principal.orgId, { kind: "edit", document: parseDocument(text) as Record<string, unknown>, base_version: baseVersion, reason });
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
