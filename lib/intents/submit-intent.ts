import crypto from "node:crypto";
import type { Principal } from "@/lib/auth/principal";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Db } from "@/lib/db/client";
import { newIntentId } from "@/lib/db/ids";
import { AppError, notFound } from "@/lib/errors/app-error";
import { Prisma } from "@/lib/generated/prisma/client";
import { assertCan } from "@/lib/permissions/can";
import { decideIntent } from "./decide-intent";
import type { SubmitIntentInput } from "./intent-schemas";
import { intentInclude, serializeIntent, type IntentRow } from "./serialize-intent";

export type SubmitResult = { intent: ReturnType<typeof serializeIntent>; replayed: boolean };

/**
 * Stores the intent (durable before anything else happens), then decides it. If the
 * decision fails or the process dies in between, the intent stays `pending` and the
 * recovery pass decides it; the answer then says `pending`.
 * Idempotency: the key is scoped to the API key; the same key with the same body returns
 * the original intent, with a different body it is a 409. A unique index backs this.
 */
export async function submitIntent(db: Db, principal: Principal, input: SubmitIntentInput, idempotencyKey: string | null): Promise<SubmitResult> {
  const agentId = resolveAgentId(principal, input.agent_id);
  const requestHash = hashRequest(agentId, input);
  const keyId = principal.keyId;

  if (idempotencyKey && keyId) {
    const previous = await findByIdempotencyKey(db, keyId, idempotencyKey);
    if (previous) return replay(previous, requestHash);
  }
  // An agent key's own agent was loaded with the key; a user names one that must be in their organisation.
  if (principal.kind === "user") {
    const agent = await db.agent.findFirst({ where: { id: agentId, orgId: principal.orgId }, select: { id: true } });
    if (!agent) throw notFound("Agent");
  }

  const id = newIntentId();
  try {
    await db.$transaction(async (tx) => {
      await tx.intent.create({
        data: {
          id,
          orgId: principal.orgId,
          agentId,
          apiKeyId: keyId,
          submittedByUserId: principal.kind === "user" ? principal.userId : null,
          amount: BigInt(input.amount),
          currency: input.currency,
          reason: input.reason,
          confidence: input.confidence ?? null,
          merchant: input.merchant ?? null,
          merchantCategory: input.merchant_category ?? null,
          metadata: (input.metadata ?? {}) as Prisma.InputJsonValue,
          idempotencyKey: keyId ? idempotencyKey : null,
          requestHash,
        },
      });
      await recordAuditEvent(tx, {
        orgId: principal.orgId,
        actor: principal,
        action: "intent.submitted",
        targetId: id,
        data: { amount: input.amount, currency: input.currency, merchant: input.merchant ?? null },
      });
    });
  } catch (e) {
    // Two retries with one key raced: the other one stored it first.
    if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002" && idempotencyKey && keyId) {
      const previous = await findByIdempotencyKey(db, keyId, idempotencyKey);
      if (previous) return replay(previous, requestHash);
    }
    throw e;
  }

  try {
    await decideIntent(db, id);
  } catch (e) {
    console.error(`[submit] deciding ${id} failed; the recovery pass will retry`, (e as Error).message);
  }
  const row = await db.intent.findUniqueOrThrow({ where: { id }, include: intentInclude });
  return { intent: serializeIntent(row), replayed: false };
}

function resolveAgentId(principal: Principal, requested: string | undefined): string {
  const agentId = principal.kind === "agent" ? (requested ?? principal.agentId) : requested;
  assertCan(principal, "intent.submit", agentId ? { orgId: principal.orgId, agentId } : undefined);
  if (principal.kind === "agent") return principal.agentId;
  if (!requested) throw new AppError("validation_error", "agent_id is required with a user key", [{ field: "agent_id", issue: "required" }]);
  return requested;
}

function findByIdempotencyKey(db: Db, apiKeyId: string, key: string): Promise<IntentRow | null> {
  return db.intent.findUnique({ where: { apiKeyId_idempotencyKey: { apiKeyId, idempotencyKey: key } }, include: intentInclude });
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
  return Object.fromEntries(Object.keys(o).sort().map((k) => [k, o[k]]));
}
