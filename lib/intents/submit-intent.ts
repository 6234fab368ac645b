import crypto from "node:crypto";
import type { Principal } from "@/lib/auth/principal";
import type { Db } from "@/lib/db/client";
import { newIntentId } from "@/lib/db/ids";
import { sqlTransaction } from "@/lib/db/sql";
import { AppError, notFound } from "@/lib/errors/app-error";
import { assertCan } from "@/lib/permissions/can";
import { getDecisionSettings } from "@/lib/policies/get-decision-settings";
import { decideIntent } from "./decide-intent";
import { getIntentRow } from "./get-intent";
import { runDecision } from "./run-decision";
import { storePendingIntent } from "./store-pending-intent";
import type { IntentFacts } from "./write-decision";
import type { SubmitIntentInput } from "./intent-schemas";
import { intentInclude, serializeIntent, type IntentRow } from "./serialize-intent";

export type SubmitResult = { intent: ReturnType<typeof serializeIntent>; replayed: boolean };

/**
 * Stores and decides a new intent in ONE transaction (runDecision): the answer is sent only
 * after it commits, so an acknowledged intent is never lost, and a crash before the commit
 * leaves nothing behind for the client's retry (same Idempotency-Key) to collide with. If
 * deciding fails for any other reason, the intent is stored `pending` on its own (durable
 * before the answer; storePendingIntent, which like the decision takes the agent only from the
 * caller's organisation) and the recovery sweep decides it; the answer then says `pending`.
 * Idempotency: the key is scoped to the API key; the same key with the same body returns
 * the original intent, with a different body it is a 409. A unique index backs this.
 * When the database goes away mid-decision (a failover), the fallback's store fails too and the
 * error becomes a 503 with Retry-After (lib/api/error-response.ts): nothing was acknowledged, and
 * the client's retry with the same key either finds what did commit or decides afresh, once.
 */
export async function submitIntent(
  db: Db,
  principal: Principal,
  input: SubmitIntentInput,
  idempotencyKey: string | null,
  /** How it arrived: the REST API, or an MCP client's tool call (shown on the intent). */
  source: "api" | "mcp" = "api",
): Promise<SubmitResult> {
  const agentId = resolveAgentId(principal, input.agent_id);
  const keyId = principal.keyId;
  const createdAt = new Date();
  const intent: IntentFacts = {
    // The id carries createdAt, so a date filter can become an id range (lib/db/id-ranges.ts).
    id: newIntentId(createdAt),
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
    createdAt,
    source,
    recurring: input.recurring ?? false,
  };
  const settings = await getDecisionSettings(db, principal.orgId);
  try {
    // The agent lock inside also checks that the agent is in the caller's organisation.
    const view = await sqlTransaction(db, (tx) => runDecision(tx, { kind: "new", intent, submittedBy: principal }, settings, intent.createdAt));
    if (!view) throw notFound("Agent");
    return { intent: serializeIntent(view), replayed: false };
  } catch (e) {
    if (isIdempotencyConflict(e)) return replay(await findByIdempotencyKey(db, keyId!, idempotencyKey!), intent.requestHash);
    if (e instanceof AppError) throw e;
    console.error(`[submit] deciding ${intent.id} failed; storing it pending for the recovery sweep:`, (e as Error).message);
  }
  try {
    await storePendingIntent(db, principal, intent);
  } catch (e) {
    // Two retries with one key raced: the other one stored it first.
    if (isIdempotencyConflict(e)) return replay(await findByIdempotencyKey(db, keyId!, idempotencyKey!), intent.requestHash);
    // The decision's COMMIT did reach the database; only its answer was lost with the connection
    // (a failover): the intent is decided, answer with it.
    if (isOwnIntentStored(e)) return { intent: serializeIntent(await getIntentRow(db, "system", intent.id)), replayed: false };
    throw e;
  }
  try {
    await decideIntent(db, intent.id);
  } catch (e) {
    console.error(`[submit] deciding ${intent.id} failed again; the recovery sweep will retry`, (e as Error).message);
  }
  return { intent: serializeIntent(await getIntentRow(db, "system", intent.id)), replayed: false };
}

/** The unique index behind Idempotency-Key refused a second intent with the same key. */
function isIdempotencyConflict(e: unknown): boolean {
  const err = e as { code?: string; constraint?: string };
  return err?.code === "23505" && err.constraint === "intents_api_key_id_idempotency_key_key";
}

/** This very intent's id is taken: it can only be ours (ids are random), committed by the decision. */
function isOwnIntentStored(e: unknown): boolean {
  const err = e as { code?: string; constraint?: string };
  return err?.code === "23505" && err.constraint === "intents_pkey";
}

function resolveAgentId(principal: Principal, requested: string | undefined): string {
  const agentId = principal.kind === "agent" ? (requested ?? principal.agentId) : requested;
  assertCan(principal, "intent.submit", agentId ? { orgId: principal.orgId, agentId } : undefined);
  if (principal.kind === "agent") return principal.agentId;
  if (!requested) throw new AppError("validation_error", "agent_id is required with a user key", [{ field: "agent_id", issue: "required" }]);
  return requested;
}

async function findByIdempotencyKey(db: Db, apiKeyId: string, key: string): Promise<IntentRow> {
  // At most one: the intents_idempotency_unique trigger (no unique index across partitions).
  return db.intent.findFirstOrThrow({ where: { apiKeyId, idempotencyKey: key }, include: intentInclude });
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
    // Only when set, so the hashes of intents stored before the flag existed still match.
    ...(input.recurring ? { recurring: true } : {}),
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
