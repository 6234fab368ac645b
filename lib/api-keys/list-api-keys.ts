import type { DbOrTx } from "@/lib/db/client";
import type { ApiKey } from "@/lib/generated/prisma/client";
import { ListApiKeysSchema } from "@/lib/api-keys/api-key-schemas";
import { assertCan } from "@/lib/permissions/can";
import type { Actor } from "@/lib/auth/principal";

export type ApiKeyDto = {
  id: string;
  kind: "agent" | "user";
  name: string;
  prefix: string;
  agent_id: string | null;
  user_id: string | null;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
};

const apiKeyView = (k: ApiKey): ApiKeyDto => ({
  id: k.id,
  kind: k.kind,
  name: k.name,
  prefix: k.prefix,
  agent_id: k.agentId,
  user_id: k.userId,
  created_at: k.createdAt.toISOString(),
  last_used_at: k.lastUsedAt?.toISOString() ?? null,
  revoked_at: k.revokedAt?.toISOString() ?? null,
});

/** The organisation's keys (or one agent's), newest first; hashes never leave the database. */
export async function listApiKeys(db: DbOrTx, actor: Actor, input: { orgId: string; agentId?: string }): Promise<ApiKeyDto[]> {
  const data = ListApiKeysSchema.parse(input);
  assertCan(actor, "api_key.list", { orgId: data.orgId });
  const rows = await db.apiKey.findMany({
    where: { orgId: data.orgId, ...(data.agentId ? { agentId: data.agentId } : {}) },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
  });
  return rows.map(apiKeyView);
}
