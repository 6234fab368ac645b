import type { DbOrTx } from "@/lib/db/client";
import { notFound, validationError } from "@/lib/errors/app-error";
import { parsePolicyDocument, toPolicyDocument, type PolicyDocument } from "@/lib/policies/engine";
import type { VersionedPolicy } from "@/lib/policies/get-org-policy";
import { parseOrgPolicy } from "@/lib/policies/parse-org-policy";
import type { ProposePolicyChange } from "@/lib/policies/policy-change-schemas";
import { getActiveShadowPolicy } from "@/lib/policies/shadow/get-active-shadow-policy";

export type ResolvedChange = { document: PolicyDocument; restoredVersion: number | null; agentId: string | null; shadowId: string | null; unchanged: boolean };

/**
 * The whole document a proposed change would make live, computed against the current
 * version: an edit as given, an earlier version's document, the running shadow draft, or the
 * current document with one agent's own rules replaced. Whatever the kind, the result is
 * checked like any policy (schema, agents of this organisation); `unchanged` says it would
 * leave the live document as it is.
 */
export async function resolveProposedDocument(db: DbOrTx, orgId: string, current: VersionedPolicy, input: ProposePolicyChange): Promise<ResolvedChange> {
  const live = toPolicyDocument(current.policy);
  let raw: unknown;
  let restoredVersion: number | null = null;
  let agentId: string | null = null;
  let shadowId: string | null = null;
  const need = <T>(v: T | undefined, field: string): T => {
    if (v === undefined) throw validationError(`${field} is required for ${input.kind}`, [{ field, issue: "required" }]);
    return v;
  };
  if (input.kind === "edit") raw = need(input.document, "document");
  else if (input.kind === "restore") {
    const version = need(input.version, "version");
    const row = await db.policy.findFirst({ where: { orgId, version }, select: { document: true } });
    if (!row) throw notFound(`Policy version ${version}`);
    raw = toPolicyDocument(parsePolicyDocument(row.document));
    restoredVersion = version;
  } else if (input.kind === "promote_shadow") {
    const shadow = await getActiveShadowPolicy(db, orgId);
    if (!shadow) throw notFound("Shadow policy");
    raw = toPolicyDocument(shadow.policy);
    shadowId = shadow.id;
  } else {
    agentId = need(input.agent_id, "agent_id");
    const override = need(input.override, "override");
    const agent = await db.agent.findFirst({ where: { orgId, id: agentId }, select: { id: true } });
    if (!agent) throw notFound("Agent");
    const overrides: Record<string, unknown> = { ...live.agent_overrides };
    if (override === null) {
      if (!(agentId in overrides)) throw validationError("This agent has no own rules to remove", [{ field: "override", issue: "nothing to remove" }]);
      delete overrides[agentId];
    } else overrides[agentId] = override;
    raw = { ...live, agent_overrides: overrides };
  }
  const parsed = await parseOrgPolicy(db, orgId, raw);
  const document = toPolicyDocument(parsed.policy, parsed.currency);
  // Compared with the live rules in the same currency (older versions were stored without one).
  const unchanged = JSON.stringify(document) === JSON.stringify(toPolicyDocument(current.policy, parsed.currency));
  return { document, restoredVersion, agentId, shadowId, unchanged };
}
