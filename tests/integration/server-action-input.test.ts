import { beforeAll, describe, expect, inject, it } from "vitest";
import { api } from "./support/http";
import { createOrg, type TestOrg } from "./support/factories";
import { callAction } from "./support/server-actions";
import { signIn } from "./support/session";

/**
 * Server actions parse their arguments with zod at the boundary (lib/actions/define-action.ts).
 * Before, a number where a string belonged, a missing argument or a 90 KB string reached the
 * domain code raw: a TypeError came back as `internal_error` (and one combination as a 500).
 */
let org: TestOrg;
let cookie: string;
const baseUrl = () => inject("baseUrl");
type Result = { ok: boolean; code?: string; message?: string; details?: { field: string; issue: string }[]; data?: unknown };

/** A page whose bundle carries the action, as the browser would post it. */
const PAGES: Record<string, string> = {
  proposePolicyAction: "/policies",
  approvePolicyChangeAction: "/policies",
  rejectPolicyChangeAction: "/policies",
  respondToApprovalAction: "/inbox",
  changeRoleAction: "/settings",
  createDelegationAction: "/routing",
  setSpendingFrozenAction: "/agents",
  createAgentAction: "/agents",
};
const call = async (action: string, args: unknown[], page = PAGES[action] ?? `/agents/${org.agent.id}`) => {
  const res = await callAction({ cookie, page, action, args, baseUrl: baseUrl() });
  expect(res.status).toBe(200);
  return res.result as Result;
};

beforeAll(async () => {
  org = await createOrg();
  cookie = (await signIn(org.admin.email, "correct horse battery")).cookie!;
});

describe("server action arguments", () => {
  it("wrong types and missing arguments are a validation_error naming the argument, not an internal error", async () => {
    for (const [action, args, field] of [
      ["fundWalletAction", [5, "x".repeat(1_000)], "agentId"],
      ["fundWalletAction", [org.agent.id, "INR", 100, ""], "amountText"],
      ["createAgentAction", [null], "(body)"],
      ["createAgentKeyAction", [org.agent.id, 5], "name"],
      ["setRiskOverrideAction", [org.agent.id, "low"], "reason"],
      ["setAgentStatusAction", [org.agent.id, "asleep"], "status"],
      ["revokeApiKeyAction", [org.agent.id], "keyId"],
      ["setSpendingFrozenAction", ["not-an-agent", true], "agentId"],
      ["proposePolicyAction", [{}, 0, "why"], "text"],
      ["proposePolicyAction", ["{}", 0, "   "], "reason"],
      ["approvePolicyChangeAction", [5], "id"],
      ["rejectPolicyChangeAction", ["pch_x", ""], "reason"],
      ["respondToApprovalAction", [["apr_x"], "approve", ""], "approvalId"],
      ["changeRoleAction", [org.viewer.id, "owner"], "role"],
      ["createDelegationAction", ["someone"], "(body)"],
    ] as const) {
      const result = await call(action, [...args]);
      expect(result, `${action}(${JSON.stringify(args).slice(0, 60)})`).toMatchObject({ ok: false, code: "validation_error" });
      expect(result.details?.map((d) => d.field)).toContain(field);
    }
  });

  it("more arguments than the action takes, or more than 64 KiB of them, are refused", async () => {
    expect(await call("revokeApiKeyAction", [org.agent.id, "key_x", "extra"])).toMatchObject({ ok: false, code: "validation_error" });
    expect(await call("setRiskOverrideAction", [org.agent.id, "low", "y".repeat(70_000)])).toMatchObject({ ok: false, code: "payload_too_large" });
  });

  it("a refused call changes nothing; the same action with good arguments works", async () => {
    const before = (await api(org.admin.key, "GET", `/api/v1/agents/${org.agent.id}`)).body.wallet;
    expect(await call("fundWalletAction", [org.agent.id, "INR", { amount: 1 }, ""])).toMatchObject({ ok: false, code: "validation_error" });
    expect((await api(org.admin.key, "GET", `/api/v1/agents/${org.agent.id}`)).body.wallet).toEqual(before);
    expect(await call("fundWalletAction", [org.agent.id, "INR", "25", "top-up"])).toMatchObject({ ok: true });
    expect((await api(org.admin.key, "GET", `/api/v1/agents/${org.agent.id}`)).body.wallet.balance).toBe(before.balance + 2500);
  });
});
