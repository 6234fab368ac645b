import crypto from "node:crypto";
import type { Principal } from "@/lib/auth/principal";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Db } from "@/lib/db/client";
import { newIntentId } from "@/lib/db/ids";
import { AppError, notFound } from "@/lib/errors/app-error";
import { Prisma } from "@/lib/generated/prisma/client";
import { assertCan } from "@/lib/permissions/can";
import { countIntentTransition } from "@/lib/counters/apply-counter-delta";
import { getDecisionSettings } from "@/lib/policies/get-decision-settings";
import { decideIntent } from "./decide-intent";
import { IdempotencyKeyTaken, runDecision } from "./run-decision";
import type { IntentFacts } from "./write-decision";
import type { SubmitIntentInput } from "./intent-schemas";
import { intentInclude, serializeIntent, type IntentRow } from "./serialize-intent";

export type SubmitResult = { intent: ReturnType<typeof serializeIntent>; replayed: boolean };

/**
 * Stores and decides a new intent in ONE transaction (runDecision): the answer is sent only
 * after it commits, so an acknowledged intent is never lost, and a crash before the commit
 * leaves nothing behind for the client's retry (same Idempotency-Key) to collide with. If
 * deciding fails for any other reason, the intent is stored `pending` on its own (durable
 * before the answer) and the recovery sweep decides it; the answer then says `pending`.
 * Idempotency: the key is scoped to the API key; the same key with the same body returns
 * the original intent, with a different body it is a 409. A unique index backs this.
 */
export async function submitIntent(db: Db, principal: Principal, input: SubmitIntentInput, idempotencyKey: string | null): Promise<SubmitResult> {
  const agentId = resolveAgentId(principal, input.agent_id);
  const keyId = principal.keyId;
  const intent: IntentFacts = {
    id: newIntentId(),
    orgId: principal.orgId,
    agentId,
    apiKeyId: keyId,
    submittedByUserId: principal.kind === "user" ? principal.userId : null,
    amount: input.amount,
    currency: input.currency,
    reason: input.reason,
    confidence: input.confidence ?? null,
    merchant: input.merchant ?? null,
    merchantCategory: input.merchant_category ?? null,
    metadata: input.metadata ?? {},
    idempotencyKey: keyId ? idempotencyKey : null,
    requestHash: hashRequest(agentId, input),
    createdAt: new Date(),
  };
  const settings = await getDecisionSettings(db, principal.orgId);
  try {
    // The agent lock inside also checks that the agent is in the caller's organisation.
    const row = await db.$transaction((tx) => runDecision(tx, { intent, submittedBy: principal }, settings, intent.createdAt), TX_OPTIONS);
    if (!row) throw notFound("Agent");
    return { intent: serializeIntent(row), replayed: false };
  } catch (e) {
    if (e instanceof IdempotencyKeyTaken) return replay(await findByIdempotencyKey(db, keyId!, idempotencyKey!), intent.requestHash);
    if (e instanceof AppError) throw e;
    console.error(`[submit] deciding ${intent.id} failed; storing it pending for the recovery sweep:`, (e as Error).message);
  }
  return storePending(db, principal, intent);
}

const TX_OPTIONS = { timeout: 15_000, maxWait: 10_000 };

/** The fallback: the intent alone, durable and `pending`, then one more try at deciding it. */
async function storePending(db: Db, principal: Principal, intent: IntentFacts): Promise<SubmitResult> {
  try {
    await db.$transaction(async (tx) => {
      await tx.intent.create({ data: { ...intent, amount: BigInt(intent.amount), metadata: intent.metadata as Prisma.InputJsonValue } });
      await recordAuditEvent(tx, {
        orgId: intent.orgId,
        actor: principal,
        action: "intent.submitted",
        targetId: intent.id,
        data: { amount: intent.amount, currency: intent.currency, merchant: intent.merchant },
      });
      await countIntentTransition(tx, intent.id, { from: null, to: "pending", amount: intent.amount, confidence: intent.confidence });
    });
  } catch (e) {
    // Two retries with one key raced: the other one stored it first.
    if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002" && intent.idempotencyKey && intent.apiKeyId) {
      return replay(await findByIdempotencyKey(db, intent.apiKeyId, intent.idempotencyKey), intent.requestHash);
    }
    throw e;
  }
  try {
    await decideIntent(db, intent.id);
  } catch (e) {
    console.error(`[submit] deciding ${intent.id} failed again; the recovery sweep will retry`, (e as Error).message);
  }
  const row = await db.intent.findUniqueOrThrow({ where: { id: intent.id }, include: intentInclude });
  return { intent: serializeIntent(row), replayed: false };
}

function resolveAgentId(principal: Principal, requested: string | undefined): string {
  const agentId = principal.kind === "agent" ? (requested ?? principal.agentId) : requested;
  assertCan(principal, "intent.submit", agentId ? { orgId: principal.orgId, agentId } : undefined);
  if (principal.kind === "agent") return principal.agentId;
  if (!requested) throw new AppError("validation_error", "agent_id is required with a user key", [{ field: "agent_id", issue: "required" }]);
  return requested;
}

async function findByIdempotencyKey(db: Db, apiKeyId: string, key: string): Promise<IntentRow> {
  return db.intent.findUniqueOrThrow({ where: { apiKeyId_idempotencyKey: { apiKeyId, idempotencyKey: key } }, include: intentInclude });
}

function replay(previous: IntentRow, requestHash: string): SubmitResult {
  if (previous.requestHash !== requestHash) {
    throw new AppError("idempotency_conflict", "This Idempotency-Key was already used with a different request body");
  }
  return { intent: serializeIntent(previous), replayed: true };
}

function hashRequest(agentId: string, input: SubmitIntentInput): string {
  const canonical = JSON.stringify({
    agentId,
    amount: input.amount,
    currency: input.currency,
    reason: input.reason,
    confidence: input.confidence ?? null,
    merchant: input.merchant ?? null,
    merchant_category: input.merchant_category ?? null,
    metadata: sortKeys(input.metadata ?? {}),
  });
  return crypto.createHash("sha256").update(canonical).digest("hex");
}

function sortKeys(o: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.keys(o)
      .sort()
      .map((k) => [k, o[k]]),
  );
}
