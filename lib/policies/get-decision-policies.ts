import { sql } from "kysely";
import type { Db } from "@/lib/db/client";
import { sqlFrom, type SqlDb } from "@/lib/db/sql";
import { notFound } from "@/lib/errors/app-error";
import { DEFAULT_POLICY, parsePolicyDocument } from "@/lib/policies/engine";
import type { Policy } from "@/lib/policies/engine/types";

/** `currency`: the organisation's, which every amount in its policies is in. */
export type DecisionPolicies = { policy: Policy; version: number; timeZone: string; currency: string; shadow: { id: string; policy: Policy } | null };

/**
 * What a decision needs from the organisation, in one statement: the live policy's newest
 * version, the draft running in shadow if any, and the time zone. On a transaction of the typed
 * layer it reads what that transaction sees (an approval's re-check: the policy of that moment).
 */
export async function getDecisionPolicies(db: Db | SqlDb, orgId: string): Promise<DecisionPolicies> {
  const org = await sqlFrom(db)
    .selectFrom("organizations as o")
    .select([
      "o.time_zone",
      "o.currency",
      sql<{ version: number; document: unknown } | null>`(SELECT json_build_object('version', p.version, 'document', p.document) FROM policies p
        WHERE p.org_id = o.id ORDER BY p.version DESC LIMIT 1)`.as("live"),
      sql<{ id: string; document: unknown } | null>`(SELECT json_build_object('id', s.id, 'document', s.document) FROM shadow_policies s
        WHERE s.org_id = o.id AND s.stopped_at IS NULL ORDER BY s.created_at DESC LIMIT 1)`.as("shadow"),
    ])
    .where("o.id", "=", orgId)
    .executeTakeFirst();
  if (!org) throw notFound("Organization");
  return {
    policy: org.live ? parsePolicyDocument(org.live.document) : DEFAULT_POLICY,
    version: org.live?.version ?? 0,
    timeZone: org.time_zone,
    currency: org.currency,
    shadow: org.shadow ? { id: org.shadow.id, policy: parsePolicyDocument(org.shadow.document) } : null,
  };
}
