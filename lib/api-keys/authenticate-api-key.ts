import { AppError } from "@/lib/errors/app-error";
import type { DbOrTx } from "@/lib/db/client";
import { hashApiKey, looksLikeApiKey } from "./api-key-secret";
import type { Principal } from "@/lib/auth/principal";

const LAST_USED_GRANULARITY_MS = 60_000;

/** Resolves a bearer key to its principal; revoked, unknown and malformed keys are all 401. */
export async function authenticateApiKey(db: DbOrTx, key: string): Promise<Principal> {
  const invalid = new AppError("unauthenticated", "The API key is invalid or has been revoked");
  if (!looksLikeApiKey(key)) throw invalid;
  const row = await db.apiKey.findUnique({
    where: { hash: hashApiKey(key) },
    include: { user: true, agent: true },
  });
  if (!row || row.revokedAt) throw invalid;
  touchLastUsed(db, row.id, row.lastUsedAt);
  if (row.kind === "agent" && row.agent) {
    return { kind: "agent", orgId: row.orgId, agentId: row.agent.id, keyId: row.id, label: `agent:${row.agent.name}` };
  }
  if (row.kind === "user" && row.user && !row.user.deactivatedAt) {
    const u = row.user;
    return { kind: "user", orgId: row.orgId, userId: u.id, role: u.role, email: u.email, keyId: row.id, label: u.email };
  }
  throw invalid;
}

/** Records use at minute granularity so a busy key does not write on every request. */
function touchLastUsed(db: DbOrTx, id: string, last: Date | null) {
  const now = new Date();
  if (last && now.getTime() - last.getTime() < LAST_USED_GRANULARITY_MS) return;
  db.apiKey
    .updateMany({ where: { id, OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: new Date(now.getTime() - LAST_USED_GRANULARITY_MS) } }] }, data: { lastUsedAt: now } })
    .catch((e: unknown) => console.warn("[auth] could not record key use", (e as Error).message));
}
