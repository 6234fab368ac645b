import { AuditChainReportSchema } from "@/lib/audit/audit-schemas";
import {
  BacktestPolicySchema,
  PolicyBacktestSchema,
  PolicySchema,
  PolicyShadowSchema,
  PolicyVersionListSchema,
  SetPolicySchema,
  StartShadowPolicySchema,
} from "@/lib/policies/policy-schemas";

/**
 * The policy and audit part of the OpenAPI document (admin tooling: versions, backtests,
 * shadow mode, the audit chain). Kept beside openapi.ts so that file stays the intent /
 * approval / agent contract the SDKs follow.
 */
export const policyComponents = {
  Policy: PolicySchema,
  SetPolicy: SetPolicySchema,
  PolicyVersionList: PolicyVersionListSchema,
  BacktestPolicy: BacktestPolicySchema,
  PolicyBacktest: PolicyBacktestSchema,
  StartShadowPolicy: StartShadowPolicySchema,
  PolicyShadow: PolicyShadowSchema,
  AuditChainReport: AuditChainReportSchema,
};

type Ref = (name: string) => object;

export function policyPaths(json: Ref, errors: object) {
  return {
    "/policy": {
      get: {
        operationId: "getPolicy",
        summary: "The organisation's current policy and its version (people only)",
        responses: { "200": { description: "The policy", ...json("Policy") }, ...errors },
      },
      put: {
        operationId: "setPolicy",
        summary: "Save a new policy version (admins); base_version must be the current version, else 409",
        requestBody: { required: true, ...json("SetPolicy") },
        responses: { "200": { description: "The saved policy", ...json("Policy") }, ...errors },
      },
    },
    "/policy/versions": {
      get: {
        operationId: "listPolicyVersions",
        summary: "Every saved version, newest first, with author, time and the changes from the one before",
        responses: { "200": { description: "Versions", ...json("PolicyVersionList") }, ...errors },
      },
    },
    "/policy/backtest": {
      post: {
        operationId: "backtestPolicy",
        summary: "Replay the last 7/30/90 days of intents under a draft and the current policy (admins): flips, money, agents, inbox load",
        requestBody: { required: true, ...json("BacktestPolicy") },
        responses: { "200": { description: "What the draft would have decided differently", ...json("PolicyBacktest") }, ...errors },
      },
    },
    "/policy/shadow": {
      get: {
        operationId: "getPolicyShadow",
        summary: "The draft in shadow (or the last one) and its disagreements with live decisions (admins)",
        responses: { "200": { description: "The shadow report", ...json("PolicyShadow") }, ...errors },
      },
      put: {
        operationId: "startPolicyShadow",
        summary: "Run a draft in shadow: every new decision records what it would have said (admins); replaces a running one",
        requestBody: { required: true, ...json("StartShadowPolicy") },
        responses: { "200": { description: "The shadow report", ...json("PolicyShadow") }, ...errors },
      },
      delete: {
        operationId: "stopPolicyShadow",
        summary: "Stop the draft running in shadow (admins)",
        responses: { "200": { description: "The final shadow report", ...json("PolicyShadow") }, ...errors },
      },
    },
    "/audit/verify": {
      get: {
        operationId: "verifyAuditChain",
        summary: "Recompute the organisation's audit hash chain (admins) and point at the first broken link",
        description:
          "Synchronous and complete: it recomputes SHA-256 over every sealed event of the organisation, so its time grows with the number of events (about half a minute at two million). For large organisations run it from a scheduler with `npm run aegis -- audit verify`, or use the dashboard's Audit chain page, which runs the check in the background and shows the stored result.",
        responses: { "200": { description: "The chain report", ...json("AuditChainReport") }, ...errors },
      },
    },
  };
}
