import type { Principal } from "@/lib/auth/principal";

/**
 * What a principal may read, as where-clause fragments: its organisation, and for an agent
 * key only its own agent (and that agent's intents). Anything outside the scope is simply
 * not found, so another organisation's ids cannot be probed.
 */
export const readScope = {
  agents: (p: Principal) => (p.kind === "agent" ? { orgId: p.orgId, id: p.agentId } : { orgId: p.orgId }),
  intents: (p: Principal) => (p.kind === "agent" ? { orgId: p.orgId, agentId: p.agentId } : { orgId: p.orgId }),
};
