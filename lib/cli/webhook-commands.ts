import type { Db } from "@/lib/db/client";
import { notFound } from "@/lib/errors/app-error";
import { setNotificationPreference } from "@/lib/notifications/set-notification-preference";
import { createWebhookEndpoint } from "@/lib/webhooks/create-webhook-endpoint";
import { deleteWebhookEndpoint } from "@/lib/webhooks/delete-webhook-endpoint";
import { listWebhookDeliveries } from "@/lib/webhooks/list-webhook-deliveries";
import { listWebhookEndpoints } from "@/lib/webhooks/list-webhook-endpoints";
import { replayWebhookDelivery } from "@/lib/webhooks/replay-webhook-delivery";
import { rotateWebhookSecret } from "@/lib/webhooks/rotate-webhook-secret";
import { updateWebhookEndpoint } from "@/lib/webhooks/update-webhook-endpoint";
import { optionalString, requireString, type AdminArgs } from "./admin-command-args";

type Command = { usage: string; run: (db: Db, args: AdminArgs) => Promise<unknown> };

/** The CLI acts as "system" across organisations: an endpoint's organisation comes from the endpoint. */
async function orgOfEndpoint(db: Db, id: string) {
  const e = await db.webhookEndpoint.findUnique({ where: { id }, select: { orgId: true } });
  if (!e) throw notFound("Webhook endpoint");
  return e.orgId;
}
const events = (a: AdminArgs, required: boolean) => {
  const v = required ? requireString(a, "events") : optionalString(a, "events");
  return v
    ?.split(",")
    .map((s) => s.trim())
    .filter(Boolean) as never;
};

export const WEBHOOK_COMMANDS: Record<string, Command> = {
  "webhook list": { usage: "webhook list --org ID", run: (db, a) => listWebhookEndpoints(db, "system", requireString(a, "org")) },
  "webhook create": {
    usage: "webhook create --org ID --url URL --events intent.decided,approval.requested [--description D]   (prints the secret once)",
    run: (db, a) =>
      createWebhookEndpoint(db, "system", requireString(a, "org"), {
        url: requireString(a, "url"),
        events: events(a, true),
        description: optionalString(a, "description"),
      }),
  },
  "webhook update": {
    usage: "webhook update --endpoint ID [--url URL] [--events a,b] [--description D] [--status enabled|disabled]",
    run: async (db, a) => {
      const id = requireString(a, "endpoint");
      const input = {
        url: optionalString(a, "url"),
        events: events(a, false),
        description: optionalString(a, "description"),
        status: optionalString(a, "status") as never,
      };
      return updateWebhookEndpoint(db, "system", await orgOfEndpoint(db, id), id, Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)));
    },
  },
  "webhook delete": {
    usage: "webhook delete --endpoint ID",
    run: async (db, a) => {
      const id = requireString(a, "endpoint");
      return deleteWebhookEndpoint(db, "system", await orgOfEndpoint(db, id), id);
    },
  },
  "webhook rotate-secret": {
    usage: "webhook rotate-secret --endpoint ID [--overlap-seconds 86400]   (prints the new secret once)",
    run: async (db, a) => {
      const id = requireString(a, "endpoint");
      const overlap = optionalString(a, "overlap-seconds");
      return rotateWebhookSecret(db, "system", await orgOfEndpoint(db, id), id, overlap === undefined ? {} : { overlap_seconds: Number(overlap) });
    },
  },
  "webhook deliveries": {
    usage: "webhook deliveries --endpoint ID [--status pending|succeeded|failed]",
    run: async (db, a) => {
      const id = requireString(a, "endpoint");
      return listWebhookDeliveries(db, "system", await orgOfEndpoint(db, id), id, { status: optionalString(a, "status") as never, limit: 50 });
    },
  },
  "webhook replay": {
    usage: "webhook replay --delivery ID",
    run: async (db, a) => {
      const id = requireString(a, "delivery");
      const d = await db.webhookDelivery.findUnique({ where: { id }, select: { orgId: true } });
      if (!d) throw notFound("Webhook delivery");
      return replayWebhookDelivery(db, "system", d.orgId, id);
    },
  },
  "user notifications": {
    usage: "user notifications --user EMAIL --preference immediate|digest|off",
    run: async (db, a) => {
      const user = await db.user.findUnique({ where: { email: requireString(a, "user").toLowerCase() } });
      if (!user) throw notFound("User");
      return setNotificationPreference(db, user.id, requireString(a, "preference") as never);
    },
  },
};
