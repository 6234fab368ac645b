import type { Role } from "@/lib/generated/prisma/enums";

/** Who is calling: an agent (agent key) or a person (user key or browser session). */
export type AgentPrincipal = { kind: "agent"; orgId: string; agentId: string; keyId: string; label: string };
export type UserPrincipal = {
  kind: "user";
  orgId: string;
  userId: string;
  role: Role;
  email: string;
  keyId: string | null; // null for a browser session
  /** The browser session's id (its second-factor checks, for step-up); null for a user key. */
  sessionId?: string | null;
  label: string;
};
export type Principal = AgentPrincipal | UserPrincipal;
/** Whoever acts: a principal, or the system itself (CLI, start-up, sweeps). */
export type Actor = Principal | "system";

/** The audit trail's view of an actor. */
export function actorOf(p: Actor) {
  if (p === "system") return { actorType: "system", actorId: null, actorLabel: "system" };
  return p.kind === "agent" ? { actorType: "agent", actorId: p.agentId, actorLabel: p.label } : { actorType: "user", actorId: p.userId, actorLabel: p.email };
}

/** The label ledger rows and policy versions carry for this actor. */
export const actorLabel = (actor: Actor) => (actor === "system" ? "system" : actor.label);
