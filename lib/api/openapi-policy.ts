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
 * The policy part of the OpenAPI document (admin tooling: versions, backtests, shadow mode;
 * the audit chain's is lib/audit/audit-openapi.ts). Kept beside openapi.ts so that file stays the intent /
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
  };
}
