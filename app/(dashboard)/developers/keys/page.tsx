import type { Metadata } from "next";
import { requireDeveloper } from "../require-developer";
import { PageHeader } from "@/components/page-header";
import { listApiKeys } from "@/lib/api-keys/list-api-keys";
import { listAgentNames } from "@/lib/agents/list-agent-names";
import { listUsers } from "@/lib/users/list-users";
import { KeysPanel } from "./keys-panel";

export const metadata: Metadata = { title: "API keys" };

export default async function KeysPage() {
  const { db, principal } = await requireDeveloper();
  const [keys, agents, users] = await Promise.all([
    listApiKeys(db, principal, { orgId: principal.orgId }),
    listAgentNames(db, principal),
    listUsers(db, principal.orgId),
  ]);
  const owner = (k: (typeof keys)[number]) =>
    k.agent_id
      ? { label: agents.find((a) => a.id === k.agent_id)?.name ?? "agent", href: `/agents/${k.agent_id}` }
      : { label: users.find((u) => u.id === k.user_id)?.email ?? "user", href: null };
  return (
    <>
      <PageHeader
        title="API keys"
        description="Agent keys submit intents for their agent and can never approve; user keys act with their person's role. Keys are stored hashed and shown once."
      />
      <KeysPanel keys={keys.map((k) => ({ ...k, owner: owner(k) }))} agents={agents} />
    </>
  );
}
