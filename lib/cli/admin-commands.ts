import { describeAgents } from "@/lib/agents/describe-agent";
import type { Db } from "@/lib/db/client";
import { AppError, notFound } from "@/lib/errors/app-error";
import { POLICY_COMMANDS } from "./policy-commands";
import { AUDIT_COMMANDS } from "./audit-commands";
import { WEBHOOK_COMMANDS } from "./webhook-commands";
import { RAIL_COMMANDS } from "./rail-commands";
import { SECRET_COMMANDS } from "./secret-commands";
import { COUNTER_COMMANDS } from "./counter-commands";
import { IDENTITY_COMMANDS } from "./identity-commands";
import { publicUrl } from "@/lib/env";
import { seedDemo } from "@/lib/demo/seed-demo";
import { optionalMinorUnits, optionalString, requireMinorUnits, requireString, type AdminArgs } from "./admin-command-args";
import { isUuid } from "@/lib/db/ids";
import { getOrganizationOrThrow } from "@/lib/organizations/get-organization-or-throw";
import { createAgent } from "@/lib/agents/create-agent";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { createOrganization } from "@/lib/organizations/create-organization";
import { createUser } from "@/lib/users/create-user";
import { deactivateUser } from "@/lib/users/deactivate-user";
import { setUserPassword } from "@/lib/users/set-user-password";
import { setUserRole } from "@/lib/users/set-user-role";
import { fundWallet } from "@/lib/wallets/fund-wallet";
import { listLedgerEntries } from "@/lib/ledger/list-ledger-entries";
import { listApiKeys } from "@/lib/api-keys/list-api-keys";
import { revokeApiKey } from "@/lib/api-keys/revoke-api-key";
import { setAgentStatus } from "@/lib/agents/set-agent-status";
import { freezeSpending } from "@/lib/organizations/freeze-spending";
import { unfreezeSpending } from "@/lib/organizations/unfreeze-spending";
import { setRiskOverride } from "@/lib/agents/set-risk-override";
import { ROUTING_COMMANDS } from "./routing-commands";
import { INTENT_COMMANDS } from "./intent-commands";
import { setLowBalanceThreshold } from "@/lib/wallets/set-low-balance-threshold";

type Command = { usage: string; run: (db: Db, args: AdminArgs) => Promise<unknown> };

/** The CLI acts as "system", across organisations, so it finds an object's organisation from the object. */
async function orgOfAgent(db: Db, agentId: string): Promise<string> {
  const agent = isUuid(agentId) ? await db.agent.findUnique({ where: { id: agentId }, select: { orgId: true } }) : null;
  if (!agent) throw notFound("Agent");
  return agent.orgId;
}

const setStatus = (status: "active" | "suspended") => async (db: Db, args: AdminArgs) => {
  const agentId = requireString(args, "agent");
  const rejectPending = status === "suspended" && args["reject-pending"] === true;
  return setAgentStatus(db, "system", { orgId: await orgOfAgent(db, agentId), agentId, status, ...(rejectPending ? { rejectPending } : {}) });
};

/** Kill switch for an organisation (--org) or one agent (--agent). */
const freeze = (on: boolean) => async (db: Db, args: AdminArgs) => {
  const agentId = optionalString(args, "agent");
  const target = agentId ? { orgId: await orgOfAgent(db, agentId), agentId } : { orgId: (await getOrganizationOrThrow(db, requireString(args, "org"))).id };
  return on ? freezeSpending(db, "system", target, optionalString(args, "reason") ?? null) : unfreezeSpending(db, "system", target);
};

export const ADMIN_COMMANDS: Record<string, Command> = {
  "org create": {
    usage: "org create --name NAME --currency INR|USD|… [--time-zone Asia/Kolkata]   (new agents' wallets open in the currency)",
    run: (db, a) =>
      createOrganization(db, "system", { name: requireString(a, "name"), currency: requireString(a, "currency"), timeZone: optionalString(a, "time-zone") }),
  },
  "org list": {
    usage: "org list",
    run: async (db) => {
      const orgs = await db.organization.findMany({ orderBy: { createdAt: "asc" }, include: { _count: { select: { users: true, agents: true } } } });
      return orgs.map((o) => ({
        id: o.id,
        name: o.name,
        currency: o.currency,
        users: o._count.users,
        agents: o._count.agents,
        created_at: o.createdAt.toISOString(),
      }));
    },
  },
  "user create": {
    usage: "user create --org ID --email EMAIL --role admin|approver|viewer [--password P [--no-forced-change]] [--name N]   (P is changed at first sign-in)",
    run: (db, a) =>
      createUser(db, "system", {
        orgId: requireString(a, "org"),
        email: requireString(a, "email"),
        role: requireString(a, "role") as "admin",
        password: optionalString(a, "password"),
        name: optionalString(a, "name"),
        mustChangePassword: a["no-forced-change"] !== true,
      }),
  },
  "user password": {
    usage: "user password --email EMAIL --password P [--no-forced-change]   (ends the user's sessions; P is changed at their next sign-in)",
    run: (db, a) =>
      setUserPassword(db, "system", { email: requireString(a, "email"), password: requireString(a, "password"), mustChange: a["no-forced-change"] !== true }),
  },
  "user role": {
    usage: "user role --email EMAIL --role admin|approver|viewer",
    run: (db, a) => setUserRole(db, "system", { email: requireString(a, "email"), role: requireString(a, "role") }),
  },
  "user deactivate": {
    usage: "user deactivate --email EMAIL   (no sign-in, sessions and user keys stop working)",
    run: (db, a) => deactivateUser(db, "system", { email: requireString(a, "email") }),
  },
  "agent create": {
    usage: "agent create --org ID --name NAME [--owner O] [--description D] [--balance MINOR] [--currency CODE (default: the organisation's)]",
    run: (db, a) =>
      createAgent(db, "system", {
        orgId: requireString(a, "org"),
        name: requireString(a, "name"),
        owner: optionalString(a, "owner"),
        description: optionalString(a, "description"),
        initialBalance: optionalMinorUnits(a, "balance") ?? 0,
        currency: optionalString(a, "currency"),
      }),
  },
  "agent list": {
    usage: "agent list --org ID",
    run: async (db, a) => {
      const org = await getOrganizationOrThrow(db, requireString(a, "org"));
      const agents = await db.agent.findMany({
        where: { orgId: org.id },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        include: { wallets: { orderBy: { createdAt: "asc" } } },
      });
      return describeAgents(db, org.id, agents);
    },
  },
  "org freeze": { usage: "org freeze --org ID [--reason TEXT]   (kill switch: deny all spending)", run: freeze(true) },
  "org unfreeze": { usage: "org unfreeze --org ID", run: freeze(false) },
  "agent freeze": { usage: "agent freeze --agent ID [--reason TEXT]", run: freeze(true) },
  "agent unfreeze": { usage: "agent unfreeze --agent ID", run: freeze(false) },
  "agent suspend": { usage: "agent suspend --agent ID [--reject-pending]", run: setStatus("suspended") },
  "agent resume": { usage: "agent resume --agent ID", run: setStatus("active") },
  "agent risk": {
    usage: "agent risk --agent ID --level low|medium|high|critical|none",
    run: async (db, a) => {
      const agentId = requireString(a, "agent");
      const level = requireString(a, "level");
      return setRiskOverride(db, "system", { orgId: await orgOfAgent(db, agentId), agentId, level: (level === "none" ? null : level) as "low" });
    },
  },
  "key create": {
    usage: "key create --agent ID | --user EMAIL [--name N]",
    run: async (db, a) => {
      const agentId = optionalString(a, "agent");
      const email = optionalString(a, "user")?.toLowerCase();
      const name = optionalString(a, "name");
      if (Boolean(agentId) === Boolean(email)) throw new AppError("validation_error", "Give exactly one of --agent ID or --user EMAIL");
      if (agentId) return createApiKey(db, "system", { orgId: await orgOfAgent(db, agentId), kind: "agent", agentId, name });
      const user = await db.user.findUnique({ where: { email: email! } });
      if (!user) throw notFound("User");
      return createApiKey(db, "system", { orgId: user.orgId, kind: "user", userId: user.id, name });
    },
  },
  "key list": {
    usage: "key list --org ID [--agent ID]",
    run: (db, a) => listApiKeys(db, "system", { orgId: requireString(a, "org"), agentId: optionalString(a, "agent") }),
  },
  "key revoke": {
    usage: "key revoke --key ID",
    run: async (db, a) => {
      const keyId = requireString(a, "key");
      const key = await db.apiKey.findUnique({ where: { id: keyId }, select: { orgId: true } });
      if (!key) throw notFound("API key");
      return revokeApiKey(db, "system", { orgId: key.orgId, keyId });
    },
  },
  "wallet ledger": {
    usage: "wallet ledger --agent ID   (the newest 100 entries and the total count)",
    run: async (db, a) => {
      const agentId = requireString(a, "agent");
      await orgOfAgent(db, agentId);
      return listLedgerEntries(db, agentId);
    },
  },
  "wallet fund": {
    usage: "wallet fund --agent ID --amount MINOR [--currency CODE (default: the primary wallet's)] [--memo TEXT]",
    run: async (db, a) => {
      const agentId = requireString(a, "agent");
      const orgId = await orgOfAgent(db, agentId);
      const wallet = await fundWallet(db, "system", {
        orgId,
        agentId,
        amount: requireMinorUnits(a, "amount"),
        currency: optionalString(a, "currency"),
        memo: optionalString(a, "memo"),
      });
      return { agent_id: agentId, wallet };
    },
  },
  "wallet threshold": {
    usage: "wallet threshold --agent ID --amount MINOR|off [--currency INR]   (low-balance alert: wallet.low_balance webhook + admins' bell)",
    run: async (db, a) => {
      const agentId = requireString(a, "agent");
      const off = optionalString(a, "amount") === "off";
      const currency = optionalString(a, "currency");
      const wallet = await setLowBalanceThreshold(db, "system", {
        orgId: await orgOfAgent(db, agentId),
        agentId,
        threshold: off ? null : requireMinorUnits(a, "amount"),
        ...(currency ? { currency } : {}),
      });
      return { agent_id: agentId, wallet };
    },
  },
  ...INTENT_COMMANDS,
  ...POLICY_COMMANDS,
  ...AUDIT_COMMANDS,
  ...ROUTING_COMMANDS,
  ...WEBHOOK_COMMANDS,
  ...RAIL_COMMANDS,
  ...COUNTER_COMMANDS,
  ...IDENTITY_COMMANDS,
  ...SECRET_COMMANDS,
  "demo seed": {
    usage: "demo seed [--base-url URL]",
    run: (db, a) => seedDemo(db, optionalString(a, "base-url") ?? publicUrl()),
  },
};
