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
  label: string;
};
export type Principal = AgentPrincipal | UserPrincipal;

/** The audit trail's view of an actor. */
export function actorOf(p: Principal | "system") {
  if (p === "system") return { actorType: "system", actorId: null, actorLabel: "system" };
  return p.kind === "agent"
    ? { actorType: "agent", actorId: p.agentId, actorLabel: p.label }
    : { actorType: "user", actorId: p.userId, actorLabel: p.email };
}
