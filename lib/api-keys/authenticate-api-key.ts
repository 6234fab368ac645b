import { AppError } from "@/lib/errors/app-error";
import type { Db } from "@/lib/db/client";
import { cachedLookupPerDb } from "@/lib/db/cached-lookup";
import { hashApiKey, looksLikeApiKey } from "./api-key-secret";
import type { Principal } from "@/lib/auth/principal";

const LAST_USED_GRANULARITY_MS = 60_000;
/** A revoked key stops working on every instance within this time, even if the revocation's announcement is lost. */
const MAX_STALE_MS = 1_000;

type Found = { principal: Principal; keyId: string } | null;

const holder = globalThis as { __aegisKeyUse?: Map<string, number> };
const lookup = cachedLookupPerDb<Db, Found>("apikey", MAX_STALE_MS, async (db, hash) => {
  const row = await db.apiKey.findUnique({ where: { hash }, include: { user: true, agent: true } });
  if (!row || row.revokedAt) return null;
  touchLastUsed(db, row.id, row.lastUsedAt);
  if (row.kind === "agent" && row.agent) {
    return { keyId: row.id, principal: { kind: "agent", orgId: row.orgId, agentId: row.agent.id, keyId: row.id, label: `agent:${row.agent.name}` } };
  }
  if (row.kind === "user" && row.user && !row.user.deactivatedAt) {
    const u = row.user;
    return { keyId: row.id, principal: { kind: "user", orgId: row.orgId, userId: u.id, role: u.role, email: u.email, keyId: row.id, label: u.email } };
  }
  return null;
});

/**
 * Resolves a bearer key to its principal; revoked, unknown and malformed keys are all 401.
 * Lookups are cached per process for at most a second; revokeApiKey announces the
 * revocation (NOTIFY `apikey:<hash>`) so every instance drops the key at once.
 */
export async function authenticateApiKey(db: Db, key: string): Promise<Principal> {
  const invalid = new AppError("unauthenticated", "The API key is invalid or has been revoked");
  if (!looksLikeApiKey(key)) throw invalid;
  const found = await lookup(db, hashApiKey(key));
  if (!found) throw invalid;
  touchLastUsed(db, found.keyId, null);
  return found.principal;
}

/** Records use at minute granularity so a busy key does not write on every request. */
function touchLastUsed(db: Db, id: string, last: Date | null) {
  const now = Date.now();
  const seen = (holder.__aegisKeyUse ??= new Map());
  const known = Math.max(seen.get(id) ?? 0, last?.getTime() ?? 0);
  if (now - known < LAST_USED_GRANULARITY_MS) return;
  seen.set(id, now);
  const before = new Date(now - LAST_USED_GRANULARITY_MS);
  db.apiKey
    .updateMany({ where: { id, OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: before } }] }, data: { lastUsedAt: new Date(now) } })
    .catch((e: unknown) => console.warn("[auth] could not record key use", (e as Error).message));
}
