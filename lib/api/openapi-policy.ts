import {
  BacktestPolicySchema,
  PolicyBacktestSchema,
  PolicySchema,
  PolicyShadowSchema,
  PolicyVersionListSchema,
  SetPolicySchema,
  StartShadowPolicySchema,
} from "@/lib/policies/policy-schemas";
import {
  ListPolicyChangesQuerySchema,
  PolicyChangeProposalListSchema,
  PolicyChangeProposalSchema,
  ProposePolicyChangeSchema,
  RejectPolicyChangeSchema,
} from "@/lib/policies/policy-change-schemas";
import type { z } from "zod";

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
  PolicyChangeProposal: PolicyChangeProposalSchema,
  PolicyChangeProposalList: PolicyChangeProposalListSchema,
  ProposePolicyChange: ProposePolicyChangeSchema,
  RejectPolicyChange: RejectPolicyChangeSchema,
};
/** Request bodies of the policy part, documented as clients send them. */
export const policyInputComponents = ["ProposePolicyChange", "RejectPolicyChange"];

const EXAMPLES = {
  proposePolicyChange: { kind: "restore", base_version: 7, version: 5, reason: "Version 6 sent too much to the inbox" },
  rejectPolicyChange: { reason: "Raise it after the quarter closes" },
};

type Extra = { idParam: (description: string) => object; queryParams: (schema: z.ZodObject) => object[] };

export function policyPaths(json: (name: string, example?: unknown) => object, errors: object, { idParam, queryParams }: Extra) {
  return {
    "/policy": {
      get: {
        operationId: "getPolicy",
        summary: "The organisation's current policy and its version (people only)",
        responses: { "200": { description: "The policy", ...json("Policy") }, ...errors },
      },
      put: {
        operationId: "setPolicy",
        summary: "Change the policy (admins), with a reason; base_version must be the current version, else 409",
        description:
          "Four eyes: with two or more active admins the change is proposed and answers 202 with the proposal; it goes live when another admin approves it (POST /policy/proposals/{id}/approve). With one admin it is live at once and answers 200 with the policy, as before.",
        requestBody: { required: true, ...json("SetPolicy") },
        responses: {
          "200": { description: "The saved policy (one admin: live at once)", ...json("Policy") },
          "202": { description: "The proposal, waiting for a second admin", ...json("PolicyChangeProposal") },
          ...errors,
        },
      },
    },
    "/policy/proposals": {
      get: {
        operationId: "listPolicyChanges",
        summary: "Proposed policy changes, newest first, each with its plain-words diff (admins)",
        parameters: queryParams(ListPolicyChangesQuerySchema),
        responses: { "200": { description: "Proposals", ...json("PolicyChangeProposalList") }, ...errors },
      },
      post: {
        operationId: "proposePolicyChange",
        summary: "Propose a change (admins): an edit, a restore of an earlier version, the shadow draft's promotion or one agent's own rules",
        description: "202 while it waits for a second admin; 201 when it went live at once (an organisation with one admin).",
        requestBody: { required: true, ...json("ProposePolicyChange", EXAMPLES.proposePolicyChange) },
        responses: {
          "201": { description: "Live at once (one admin)", ...json("PolicyChangeProposal") },
          "202": { description: "Waiting for a second admin", ...json("PolicyChangeProposal") },
          ...errors,
        },
      },
    },
    "/policy/proposals/{id}/approve": {
      post: {
        operationId: "approvePolicyChange",
        summary: "Approve another admin's proposed change: it goes live (the proposer gets 403; a stale base 409, and the proposal is superseded)",
        parameters: [idParam("pch_… id")],
        responses: { "200": { description: "The approved proposal, with applied_version", ...json("PolicyChangeProposal") }, ...errors },
      },
    },
    "/policy/proposals/{id}/reject": {
      post: {
        operationId: "rejectPolicyChange",
        summary: "Reject a proposed change with a reason (the proposer rejecting their own withdraws it)",
        parameters: [idParam("pch_… id")],
        requestBody: { required: true, ...json("RejectPolicyChange", EXAMPLES.rejectPolicyChange) },
        responses: { "200": { description: "The rejected proposal", ...json("PolicyChangeProposal") }, ...errors },
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
