// Random workloads for the counters' property tests, driven in process through the real
// domain verbs (the same ones the API and the sweeps call) on whatever database getDb() opens.
import crypto from "node:crypto";
import fc from "fast-check";
import type { Db } from "@/lib/db/client";
import type { AgentPrincipal, UserPrincipal } from "@/lib/auth/principal";
import { createOrganization } from "@/lib/organizations/create-organization";
import { createUser } from "@/lib/users/create-user";
import { createAgent } from "@/lib/agents/create-agent";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { setOrgPolicy } from "@/lib/policies/set-org-policy";
import { getOrgPolicy } from "@/lib/policies/get-org-policy";
import { toPolicyDocument } from "@/lib/policies/engine";
import { submitIntent } from "@/lib/intents/submit-intent";
import { decideIntent } from "@/lib/intents/decide-intent";
import { answerApproval } from "@/lib/approvals/answer-approval";
import { expireApprovals } from "@/lib/approvals/expire-approvals";
import { newIntentId } from "@/lib/db/ids";
import { settleApprovedIntent } from "@/lib/intents/settle-approved-intent";
import { AppError, type ErrorCode } from "@/lib/errors/app-error";
import { sqlTransaction } from "@/lib/db/sql";
import { storePendingIntent } from "@/lib/intents/store-pending-intent";

export type World = { orgId: string; agents: AgentPrincipal[]; approvers: UserPrincipal[] };

export async function makeWorld(db: Db, timeZone: string, agentCount = 3): Promise<World> {
  const tag = crypto.randomBytes(4).toString("hex");
  const org = await createOrganization(db, "system", { name: `Counters ${tag}`, timeZone, currency: "INR" });
  const approvers: UserPrincipal[] = [];
  for (const role of ["admin", "approver", "approver"] as const) {
    const u = await createUser(db, "system", { orgId: org.id, email: `${role}-${crypto.randomBytes(4).toString("hex")}@counters.test`, role });
    approvers.push({ kind: "user", orgId: org.id, userId: u.id, role, email: u.email, keyId: null, label: u.email } as UserPrincipal);
  }
  const agents: AgentPrincipal[] = [];
  for (let n = 0; n < agentCount; n++) {
    const a = await createAgent(db, "system", { orgId: org.id, name: `agent ${n}`, initialBalance: 3_000_000, currency: "INR" });
    const key = await createApiKey(db, "system", { orgId: org.id, kind: "agent", agentId: a.id });
    agents.push({ kind: "agent", orgId: org.id, agentId: a.id, keyId: key.id, label: `agent:${a.name}` });
  }
  // Small limits so that every outcome and every rule (budgets, velocity, balance) is reached.
  const doc = toPolicyDocument((await getOrgPolicy(db, org.id)).policy);
  doc.rules = {
    ...doc.rules,
    auto_approve_limit: 200_000,
    hard_limit: 2_000_000,
    daily_budget: 1_500_000,
    monthly_budget: 2_500_000,
    max_intents_per_hour: 12,
  };
  await setOrgPolicy(db, "system", org.id, doc, (await getOrgPolicy(db, org.id)).version);
  return { orgId: org.id, agents, approvers };
}

export type Op =
  | { kind: "submit"; agent: number; amount: number; confidence: number | null; key: number | null }
  | { kind: "crash_then_recover"; agent: number; amount: number; confidence: number | null }
  | { kind: "answer"; pick: number; by: number; decision: "approve" | "reject" }
  | { kind: "expire" }
  | { kind: "settle"; pick: number; paid: number };

export const opArb: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant("submit" as const),
      agent: fc.nat(2),
      amount: fc.constantFrom(10_000, 150_000, 400_000, 900_000, 2_500_000),
      confidence: fc.constantFrom(null, 0.3, 0.95),
      key: fc.option(fc.nat(3)),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant("crash_then_recover" as const),
      agent: fc.nat(2),
      amount: fc.constantFrom(10_000, 400_000),
      confidence: fc.constantFrom(null, 0.3, 0.95),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant("answer" as const),
      pick: fc.nat(50),
      by: fc.nat(2),
      decision: fc.constantFrom("approve" as const, "reject" as const),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("expire" as const) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("settle" as const), pick: fc.nat(50), paid: fc.constantFrom(0, 0.5, 1) }) },
);

/**
 * The refusals an operation may meet in a valid workload; anything else, an AppError included,
 * fails the property (a swallowed 409 for money that did not move would hide a broken invariant).
 */
const refusals =
  (...allowed: ErrorCode[]) =>
  (e: unknown) => {
    if (e instanceof AppError && allowed.includes(e.code)) return;
    throw e;
  };

/** Runs one operation; refusals the domain is allowed to give (409, 403, …) are part of the workload. */
export async function runOp(db: Db, w: World, op: Op, run: string): Promise<void> {
  if (op.kind === "submit") {
    const agent = w.agents[op.agent % w.agents.length];
    const input = {
      amount: op.amount,
      currency: "INR",
      reason: "counters property test",
      confidence: op.confidence ?? undefined,
      merchant: "Acme",
      merchant_category: "saas",
    };
    // The same key with another amount is a 409; every other submit is answered (a denial is an answer).
    await submitIntent(db, agent, input, op.key === null ? null : `${run}-${op.key}`).catch(refusals("idempotency_conflict"));
  } else if (op.kind === "crash_then_recover") {
    // What the durable-first fallback leaves behind when the process dies before deciding.
    const agent = w.agents[op.agent % w.agents.length];
    const id = newIntentId();
    await storePendingIntent(db, agent, {
      id,
      orgId: w.orgId,
      agentId: agent.agentId,
      apiKeyId: agent.keyId,
      submittedByUserId: null,
      amount: op.amount,
      currency: "INR",
      reason: "crash",
      confidence: op.confidence,
      merchant: null,
      merchantCategory: null,
      metadata: {},
      idempotencyKey: null,
      requestHash: "x",
      createdAt: new Date(),
    });
    await decideIntent(db, id);
  } else if (op.kind === "answer") {
    const open = await db.approval.findMany({ where: { orgId: w.orgId, status: "pending" }, orderBy: { createdAt: "asc" }, select: { id: true } });
    if (open.length === 0) return;
    await answerApproval(db, w.approvers[op.by % w.approvers.length], open[op.pick % open.length].id, { decision: op.decision })
      // Answered already (a concurrent answer or expiry), not this person's to answer, or the re-check's money rules.
      .catch(refusals("approval_already_answered", "forbidden", "conflict", "approval_blocked"));
  } else if (op.kind === "settle") {
    // Capture (all or part) or void an approved intent: the unpaid rest leaves the budget.
    const open = await db.intent.findMany({
      where: { orgId: w.orgId, status: "approved", settlement: null },
      orderBy: { createdAt: "asc" },
      select: { id: true, amount: true },
    });
    if (open.length === 0) return;
    const { id, amount } = open[op.pick % open.length];
    const request = op.paid === 0 ? ({ kind: "void" } as const) : ({ kind: "capture", amount: Math.max(1, Math.floor(Number(amount) * op.paid)) } as const);
    // Another lane settled it first (PostgreSQL races), or its approval was undone meanwhile.
    await sqlTransaction(db, (tx) => settleApprovedIntent(tx, id, request, "system")).catch(refusals("intent_already_settled", "intent_not_approved"));
  } else {
    await expireApprovals(db, new Date(Date.now() + 100 * 3_600_000));
  }
}
