import { publicUrl } from "@/lib/env";
import type { IntentRailActivity } from "./list-intent-rail-activity";
import type { CardDto, RailActivityDto, RailConnectionDto } from "./rail-schemas";
import type { RailProvider } from "./rail-adapter";

export type RailConnectionView = {
  id: string;
  provider: RailProvider;
  webhookUrl: string;
  status: "active" | "disconnected";
  createdAt: Date;
  createdBy: string;
  lastEventAt: Date | null;
};

export type CardView = {
  id: string;
  agentId: string;
  provider: RailProvider;
  railCardId: string;
  last4: string | null;
  attachedAt: Date;
  attachedBy: string;
  detachedAt: Date | null;
};

/** Where the rail posts: the public URL plus a path carrying the connection's id (no secret in it). */
export const railWebhookUrl = (connectionId: string) => `${publicUrl()}/api/rails/${connectionId}`;

export function connectionView(
  r: { id: string; provider: RailProvider; status: "active" | "disconnected"; createdAt: Date; createdBy: string },
  lastEventAt: Date | null,
): RailConnectionView {
  return { id: r.id, provider: r.provider, webhookUrl: railWebhookUrl(r.id), status: r.status, createdAt: r.createdAt, createdBy: r.createdBy, lastEventAt };
}

export function cardView(c: CardView & Record<string, unknown>): CardView {
  return {
    id: c.id,
    agentId: c.agentId,
    provider: c.provider,
    railCardId: c.railCardId,
    last4: c.last4,
    attachedAt: c.attachedAt,
    attachedBy: c.attachedBy,
    detachedAt: c.detachedAt,
  };
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** The API's view of a connection: never its secret. */
export function serializeRailConnection(c: RailConnectionView): RailConnectionDto {
  return {
    id: c.id,
    object: "rail_connection",
    provider: c.provider,
    webhook_url: c.webhookUrl,
    status: c.status,
    created_at: c.createdAt.toISOString(),
    created_by: c.createdBy,
    last_event_at: iso(c.lastEventAt),
  };
}

export function serializeCard(c: CardView): CardDto {
  return {
    id: c.id,
    object: "card",
    agent_id: c.agentId,
    provider: c.provider,
    rail_card_id: c.railCardId,
    last4: c.last4,
    attached_at: c.attachedAt.toISOString(),
    attached_by: c.attachedBy,
    detached_at: iso(c.detachedAt),
  };
}

export function serializeRailActivity(intentId: string, a: IntentRailActivity): RailActivityDto {
  return {
    object: "rail_activity",
    intent_id: intentId,
    authorizations: a.authorizations.map((x) => ({
      authorization_id: x.authorizationId,
      amount: x.amountMinor,
      currency: x.currency,
      approved: x.approved,
      status: x.status,
      decided_at: x.decidedAt.toISOString(),
      reason: x.reason,
    })),
    transactions: a.transactions.map((t) => ({
      transaction_id: t.transactionId,
      type: t.type,
      amount: t.amountMinor,
      currency: t.currency,
      occurred_at: t.occurredAt.toISOString(),
    })),
  };
}
