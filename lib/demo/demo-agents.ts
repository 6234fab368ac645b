import { createAgent } from "@/lib/agents/create-agent";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { createOrganization } from "@/lib/organizations/create-organization";
import { createUser } from "@/lib/users/create-user";
import type { UserPrincipal } from "@/lib/auth/principal";
import type { Db } from "@/lib/db/client";
import { setOrgPolicy } from "@/lib/policies/set-org-policy";
import { DEFAULT_POLICY, toPolicyDocument } from "@/lib/policies/engine";
import { DEMO_AGENTS, DEMO_ORG_NAME, DEMO_PASSWORD, DEMO_USERS, type DemoUserKey } from "./demo-catalog";
import type { AgentKey } from "./demo-plan";

export type DemoSetup = {
  org: { id: string; name: string };
  principals: Record<DemoUserKey, UserPrincipal>;
  agents: Record<AgentKey, { id: string; name: string; keyId: string }>;
  agentKeys: { agent_id: string; agent_name: string; key: string }[];
  userKeys: { email: string; role: string; key: string }[];
};

/**
 * The demo organisation through the admin verbs, as an admin would build it: users,
 * agents with opening balances, a policy version with per-agent budgets, and one API key
 * per agent and per user. Agents are created in catalogue order (the first is the one
 * the SDK examples use).
 */
export async function createDemoOrganization(db: Db): Promise<DemoSetup> {
  const org = await createOrganization(db, "system", { name: DEMO_ORG_NAME, timeZone: "Asia/Kolkata", currency: "INR" });
  const principals = {} as Record<DemoUserKey, UserPrincipal>;
  const userKeys: DemoSetup["userKeys"] = [];
  for (const u of DEMO_USERS) {
    const user = await createUser(db, "system", {
      orgId: org.id,
      email: u.email,
      name: u.name,
      role: u.role,
      password: DEMO_PASSWORD,
      mustChangePassword: false,
    });
    principals[u.key] = { kind: "user", orgId: org.id, userId: user.id, role: user.role, email: user.email, keyId: null, label: user.email };
  }

  const agents = {} as DemoSetup["agents"];
  const agentKeys: DemoSetup["agentKeys"] = [];
  for (const spec of DEMO_AGENTS) {
    const agent = await createAgent(db, "system", {
      orgId: org.id,
      name: spec.name,
      owner: spec.owner,
      description: spec.description,
      currency: "INR",
      initialBalance: spec.balance,
    });
    const key = await createApiKey(db, "system", { orgId: org.id, kind: "agent", agentId: agent.id, name: `${spec.name} (demo)` });
    agents[spec.key] = { id: agent.id, name: agent.name, keyId: key.id };
    agentKeys.push({ agent_id: agent.id, agent_name: agent.name, key: key.key });
  }
  for (const u of DEMO_USERS) {
    const key = await createApiKey(db, "system", { orgId: org.id, kind: "user", userId: principals[u.key].userId, name: `${u.email} (demo)` });
    userKeys.push({ email: u.email, role: u.role, key: key.key });
  }

  const document = toPolicyDocument(DEFAULT_POLICY);
  for (const spec of DEMO_AGENTS) {
    if (Object.keys(spec.overrides).length) document.agent_overrides[agents[spec.key].id] = spec.overrides;
  }
  await setOrgPolicy(db, "system", org.id, document, 0); // the organisation was just created: version 0 is the default
  return { org, principals, agents, agentKeys, userKeys };
}
