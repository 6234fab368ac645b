import type { Db } from "@/lib/db/client";
import { notFound } from "@/lib/errors/app-error";
import { getAgentOrThrow } from "@/lib/agents/get-agent-or-throw";
import { attachCard } from "@/lib/rails/attach-card";
import { connectRail } from "@/lib/rails/connect-rail";
import { detachCard } from "@/lib/rails/detach-card";
import { disconnectRail } from "@/lib/rails/disconnect-rail";
import { listAgentCards } from "@/lib/rails/list-agent-cards";
import { listRailConnections } from "@/lib/rails/list-rail-connections";
import type { RailProvider } from "@/lib/rails/rail-adapter";
import { serializeCard, serializeRailConnection } from "@/lib/rails/serialize-rail";
import { setCardSettings } from "@/lib/rails/set-card-settings";
import { optionalString, requireString, type AdminArgs } from "./admin-command-args";

type Command = { usage: string; run: (db: Db, args: AdminArgs) => Promise<unknown> };

/** The CLI acts as "system" across organisations: a connection's, card's or agent's organisation comes from the row. */
async function orgOf(db: Db, what: "rail" | "card" | "agent", id: string): Promise<string> {
  if (what === "agent") {
    const a = await db.agent.findFirst({ where: { id }, select: { orgId: true } }).catch(() => null);
    if (!a) throw notFound("Agent");
    return (await getAgentOrThrow(db, a.orgId, id)).orgId;
  }
  const row =
    what === "rail"
      ? await db.railConnection.findUnique({ where: { id }, select: { orgId: true } })
      : await db.card.findUnique({ where: { id }, select: { orgId: true } });
  if (!row) throw notFound(what === "rail" ? "Rail connection" : "Card");
  return row.orgId;
}

const int = (a: AdminArgs, name: string) => {
  const v = optionalString(a, name);
  return v === undefined ? undefined : /^\d+$/.test(v) ? Number(v) : Number.NaN;
};

export const RAIL_COMMANDS: Record<string, Command> = {
  "rail list": {
    usage: "rail list --org ID",
    run: async (db, a) => ({ object: "list", data: (await listRailConnections(db, requireString(a, "org"))).map(serializeRailConnection) }),
  },
  "rail connect": {
    usage: "rail connect --org ID --provider stripe|lithic --webhook-secret whsec_…   (prints the webhook_url to paste into the rail)",
    run: async (db, a) =>
      serializeRailConnection(
        await connectRail(db, {
          orgId: requireString(a, "org"),
          actor: "system",
          provider: requireString(a, "provider") as RailProvider,
          webhookSecret: requireString(a, "webhook-secret"),
        }),
      ),
  },
  "rail disconnect": {
    usage: "rail disconnect --rail ID",
    run: async (db, a) => {
      const id = requireString(a, "rail");
      return serializeRailConnection(await disconnectRail(db, { orgId: await orgOf(db, "rail", id), actor: "system", connectionId: id }));
    },
  },
  "rail settings": {
    usage: "rail settings --org ID [--tolerance-bps N] [--validity-minutes N]   (card authorizations' tolerance and intent validity)",
    run: (db, a) =>
      setCardSettings(db, "system", requireString(a, "org"), { tolerance_bps: int(a, "tolerance-bps"), validity_minutes: int(a, "validity-minutes") }),
  },
  "card list": {
    usage: "card list --agent ID",
    run: async (db, a) => {
      const agentId = requireString(a, "agent");
      return { object: "list", data: (await listAgentCards(db, await orgOf(db, "agent", agentId), agentId)).map(serializeCard) };
    },
  },
  "card attach": {
    usage: "card attach --agent ID --provider stripe|lithic --card ic_… [--last4 1234]",
    run: async (db, a) => {
      const agentId = requireString(a, "agent");
      const card = await attachCard(db, {
        orgId: await orgOf(db, "agent", agentId),
        actor: "system",
        agentId,
        provider: requireString(a, "provider") as RailProvider,
        railCardId: requireString(a, "card"),
        last4: optionalString(a, "last4"),
      });
      return serializeCard(card);
    },
  },
  "card detach": {
    usage: "card detach --card ID   (our card_… id, as card list prints it)",
    run: async (db, a) => {
      const id = requireString(a, "card");
      return serializeCard(await detachCard(db, { orgId: await orgOf(db, "card", id), actor: "system", cardId: id }));
    },
  },
};
