import { AuditChainReportSchema } from "@/lib/audit/audit-schemas";
import { PolicySchema, PolicyVersionListSchema, SetPolicySchema } from "@/lib/policies/policy-schemas";

/**
 * The policy and audit part of the OpenAPI document (admin tooling: versions, backtests,
 * shadow mode, the audit chain). Kept beside openapi.ts so that file stays the intent /
 * approval / agent contract the SDKs follow.
 */
export const policyComponents = {
  Policy: PolicySchema,
  SetPolicy: SetPolicySchema,
  PolicyVersionList: PolicyVersionListSchema,
  AuditChainReport: AuditChainReportSchema,
};

type Ref = (name: string) => object;

export function policyPaths(json: Ref, errors: object) {
  return {
    "/policy": {
      get: { operationId: "getPolicy", summary: "The organisation's current policy and its version (people only)", responses: { "200": { description: "The policy", ...json("Policy") }, ...errors } },
      put: {
        operationId: "setPolicy",
        summary: "Save a new policy version (admins); base_version must be the current version, else 409",
        requestBody: { required: true, ...json("SetPolicy") },
        responses: { "200": { description: "The saved policy", ...json("Policy") }, ...errors },
      },
    },
    "/policy/versions": {
      get: { operationId: "listPolicyVersions", summary: "Every saved version, newest first, with author, time and the changes from the one before", responses: { "200": { description: "Versions", ...json("PolicyVersionList") }, ...errors } },
    },
    "/audit/verify": {
      get: {
        operationId: "verifyAuditChain",
        summary: "Recompute the organisation's audit hash chain (admins) and point at the first broken link",
        responses: { "200": { description: "The chain report", ...json("AuditChainReport") }, ...errors },
      },
    },
  };
}
