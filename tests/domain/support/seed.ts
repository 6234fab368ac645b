import type { UserPrincipal } from "@/lib/auth/principal";
import { userPrincipal } from "@/lib/auth/session-principal";
import { createAgent } from "@/lib/agents/create-agent";
import type { Db } from "@/lib/db/client";
import { createOrganization } from "@/lib/organizations/create-organization";
import { createUser } from "@/lib/users/create-user";
import type { Role } from "@/lib/generated/prisma/enums";

let n = 0;

/** A fresh organisation with one agent (₹10,00,000 in its wallet) and people of the given roles, made through the domain verbs. */
export async function seedOrg(db: Db, roles: Record<string, Role>) {
  const tag = `${Date.now().toString(36)}${(n++).toString(36)}`;
  const org = await createOrganization(db, "system", { name: `Test ${tag}`, currency: "INR" });
  const agent = await createAgent(db, "system", { orgId: org.id, name: "Bot", currency: "INR", initialBalance: 100_000_000 });
  const people: Record<string, UserPrincipal> = {};
  for (const [key, role] of Object.entries(roles)) {
    const dto = await createUser(db, "system", { orgId: org.id, email: `${key}-${tag}@test.local`, role });
    const principal = await userPrincipal(db, dto.id);
    if (!principal) throw new Error(`seeded user ${dto.id} has no principal`);
    people[key] = principal;
  }
  return { org, agent, people };
}
