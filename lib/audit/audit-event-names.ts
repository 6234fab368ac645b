import type { AnyReadDb } from "@/lib/db/client";
import { isUuid } from "@/lib/db/ids";
import type { AuditEventRow } from "./list-audit-events";

const USER_FIELDS = ["user_id", "from_user_id", "to_user_id", "created_by_user_id"];
const GROUP_FIELDS = ["group_id", "escalated_to_group_id"];

/**
 * Names for the ids one page of audit events mentions (targets, actors, the data's agent, user,
 * group and endpoint ids): one query per kind of object, each by primary key and inside the
 * organisation, so a page of 50 events costs at most five index reads.
 */
export async function auditEventNames(db: AnyReadDb, orgId: string, events: AuditEventRow[]): Promise<Map<string, string>> {
  const ids = { agent: new Set<string>(), user: new Set<string>(), group: new Set<string>(), endpoint: new Set<string>(), key: new Set<string>() };
  for (const e of events) {
    const data = (e.data ?? {}) as Record<string, unknown>;
    const add = (set: Set<string>, v: unknown) => typeof v === "string" && set.add(v);
    if (e.targetType === "agent") add(ids.agent, e.targetId);
    if (e.targetType === "user") add(ids.user, e.targetId);
    if (e.targetType === "approver_group") add(ids.group, e.targetId);
    if (e.targetType === "webhook_endpoint") add(ids.endpoint, e.targetId);
    if (e.targetType === "api_key") add(ids.key, e.targetId);
    if (e.actorType === "agent") add(ids.agent, e.actorId);
    if (e.actorType === "user") add(ids.user, e.actorId);
    add(ids.agent, data.agent_id);
    add(ids.endpoint, data.endpoint_id);
    for (const f of USER_FIELDS) add(ids.user, data[f]);
    for (const f of GROUP_FIELDS) add(ids.group, data[f]);
  }
  const agentIds = [...ids.agent].filter(isUuid);
  const [agents, users, groups, endpoints, keys] = await Promise.all([
    agentIds.length ? db.agent.findMany({ where: { orgId, id: { in: agentIds } }, select: { id: true, name: true } }) : [],
    ids.user.size ? db.user.findMany({ where: { orgId, id: { in: [...ids.user] } }, select: { id: true, name: true } }) : [],
    ids.group.size ? db.approverGroup.findMany({ where: { orgId, id: { in: [...ids.group] } }, select: { id: true, name: true } }) : [],
    ids.endpoint.size ? db.webhookEndpoint.findMany({ where: { orgId, id: { in: [...ids.endpoint] } }, select: { id: true, url: true } }) : [],
    ids.key.size ? db.apiKey.findMany({ where: { orgId, id: { in: [...ids.key] } }, select: { id: true, name: true } }) : [],
  ]);
  return new Map<string, string>([
    ...agents.map((a) => [a.id, a.name] as const),
    ...users.map((u) => [u.id, u.name] as const),
    ...groups.map((g) => [g.id, g.name] as const),
    ...endpoints.map((w) => [w.id, w.url] as const),
    ...keys.map((k) => [k.id, k.name] as const),
  ]);
}
