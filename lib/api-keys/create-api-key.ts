import { generateApiKey } from "@/lib/api-keys/api-key-secret";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Db } from "@/lib/db/client";
import { newId } from "@/lib/db/ids";
import { notFound } from "@/lib/errors/app-error";
import { CreateApiKeySchema, type CreateApiKeyInput } from "@/lib/api-keys/api-key-schemas";
import { assertCan } from "@/lib/permissions/can";
import type { Actor } from "@/lib/auth/principal";
import { getAgentOrThrow } from "@/lib/agents/get-agent-or-throw";

export type CreatedApiKey = { id: string; kind: "agent" | "user"; name: string; prefix: string; key: string; agent_id?: string; user_id?: string };

/** Issues an API key. The key itself is returned here once; only its hash and prefix are stored. */
export async function createApiKey(db: Db, actor: Actor, input: CreateApiKeyInput): Promise<CreatedApiKey> {
  const data = CreateApiKeySchema.parse(input);
  assertCan(actor, "api_key.create", { orgId: data.orgId });
  let owner: { agentId: string | null; userId: string | null; name: string };
  if (data.kind === "agent") {
    const agent = await getAgentOrThrow(db, data.orgId, data.agentId);
    owner = { agentId: agent.id, userId: null, name: data.name ?? `${agent.name} key` };
  } else {
    const user = await db.user.findFirst({ where: { id: data.userId, orgId: data.orgId } });
    if (!user) throw notFound("User");
    owner = { agentId: null, userId: user.id, name: data.name ?? `${user.email} key` };
  }
  const { key, hash, prefix } = generateApiKey();
  // Recorded so the person who holds a copy of this key cannot approve what it submits.
  const createdByUserId = actor !== "system" && actor.kind === "user" ? actor.userId : null;
  const id = newId("key");
  await db.$transaction(async (tx) => {
    await tx.apiKey.create({
      data: { id, orgId: data.orgId, kind: data.kind, agentId: owner.agentId, userId: owner.userId, name: owner.name, prefix, hash, createdByUserId },
    });
    await recordAuditEvent(tx, {
      orgId: data.orgId,
      actor,
      action: "api_key.created",
      targetId: id,
      data: { kind: data.kind, name: owner.name, prefix, agent_id: owner.agentId, user_id: owner.userId, created_by_user_id: createdByUserId },
    });
  });
  return {
    id,
    kind: data.kind,
    name: owner.name,
    prefix,
    key,
    ...(owner.agentId ? { agent_id: owner.agentId } : {}),
    ...(owner.userId ? { user_id: owner.userId } : {}),
  };
}
