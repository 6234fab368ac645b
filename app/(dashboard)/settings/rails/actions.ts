"use server";

import { z } from "zod";
import { ActionIdSchema, defineAction } from "@/lib/actions/define-action";
import { connectRail } from "@/lib/rails/connect-rail";
import { disconnectRail } from "@/lib/rails/disconnect-rail";
import { CardSettingsSchema, ConnectRailSchema } from "@/lib/rails/rail-schemas";
import { setCardSettings } from "@/lib/rails/set-card-settings";
import { serializeRailConnection } from "@/lib/rails/serialize-rail";

/** Connecting and disconnecting card rails (admins; the verbs check `rail.manage` again). The secret goes in, never out. */
export const connectRailAction = defineAction({
  input: z.strictObject({ provider: ConnectRailSchema.shape.provider, webhookSecret: ConnectRailSchema.shape.webhook_secret }),
  revalidate: "/settings/rails",
  run: async ({ db, principal }, { provider, webhookSecret }) =>
    serializeRailConnection(await connectRail(db, { orgId: principal.orgId, actor: principal, provider, webhookSecret })),
});

export const disconnectRailAction = defineAction({
  args: ["connectionId"],
  input: z.strictObject({ connectionId: ActionIdSchema }),
  revalidate: "/settings/rails",
  run: async ({ db, principal }, { connectionId }) =>
    serializeRailConnection(await disconnectRail(db, { orgId: principal.orgId, actor: principal, connectionId })),
});

/** The card tolerance and validity (admins; setCardSettings checks `rail.manage` again and audits). */
export const setCardSettingsAction = defineAction({
  input: z.strictObject({ toleranceBps: CardSettingsSchema.shape.tolerance_bps.unwrap(), validityMinutes: CardSettingsSchema.shape.validity_minutes.unwrap() }),
  revalidate: "/settings/rails",
  run: async ({ db, principal }, { toleranceBps, validityMinutes }) =>
    setCardSettings(db, principal, principal.orgId, { tolerance_bps: toleranceBps, validity_minutes: validityMinutes }),
});
