"use server";

import { z } from "zod";
import { AgentIdSchema } from "@/lib/agents/agent-schemas";
import { ActionIdSchema, defineAction } from "@/lib/actions/define-action";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { revokeApiKey } from "@/lib/api-keys/revoke-api-key";
import { createWebhookEndpoint } from "@/lib/webhooks/create-webhook-endpoint";
import { deleteWebhookEndpoint } from "@/lib/webhooks/delete-webhook-endpoint";
import { replayWebhookDelivery } from "@/lib/webhooks/replay-webhook-delivery";
import { rotateWebhookSecret } from "@/lib/webhooks/rotate-webhook-secret";
import { updateWebhookEndpoint } from "@/lib/webhooks/update-webhook-endpoint";
import { CreateWebhookEndpointSchema, RotateWebhookSecretSchema, UpdateWebhookEndpointSchema } from "@/lib/webhooks/webhook-schemas";

/** Developers actions: thin calls into the domain verbs, which check the role (admin) and audit. */
const endpointPage = ({ id }: { id: string }) => `/developers/webhooks/${id}`;

export const createKeyAction = defineAction({
  input: z.strictObject({
    /** "me" for a key of the signed-in person, else an agent id. */
    owner: z.literal("me").or(AgentIdSchema),
    name: z
      .string()
      .trim()
      .max(200)
      .transform((n) => n || undefined),
  }),
  revalidate: "/developers/keys",
  run: async ({ db, principal }, { owner, name }) => {
    const key =
      owner === "me"
        ? await createApiKey(db, principal, { orgId: principal.orgId, kind: "user", userId: principal.userId, name })
        : await createApiKey(db, principal, { orgId: principal.orgId, kind: "agent", agentId: owner, name });
    return { key: key.key, name: key.name };
  },
});

export const revokeKeyAction = defineAction({
  args: ["keyId"],
  input: z.strictObject({ keyId: ActionIdSchema }),
  revalidate: "/developers/keys",
  run: async ({ db, principal }, { keyId }) => (await revokeApiKey(db, principal, { orgId: principal.orgId, keyId }), keyId),
});

export const createEndpointAction = defineAction({
  input: CreateWebhookEndpointSchema,
  revalidate: "/developers/webhooks",
  run: async ({ db, principal }, input) => {
    const e = await createWebhookEndpoint(db, principal, principal.orgId, input);
    return { id: e.id, secret: e.secret, url: e.url };
  },
});

export const updateEndpointAction = defineAction({
  args: ["id", "changes"],
  input: z.strictObject({ id: ActionIdSchema, changes: UpdateWebhookEndpointSchema }),
  revalidate: endpointPage,
  run: async ({ db, principal }, { id, changes }) => (await updateWebhookEndpoint(db, principal, principal.orgId, id, changes)).status,
});

export const rotateSecretAction = defineAction({
  args: ["id", "overlapSeconds"],
  input: z.strictObject({ id: ActionIdSchema, overlapSeconds: RotateWebhookSecretSchema.shape.overlap_seconds }),
  revalidate: endpointPage,
  run: async ({ db, principal }, { id, overlapSeconds }) =>
    (await rotateWebhookSecret(db, principal, principal.orgId, id, { overlap_seconds: overlapSeconds })).secret,
});

export const deleteEndpointAction = defineAction({
  args: ["id"],
  input: z.strictObject({ id: ActionIdSchema }),
  revalidate: "/developers/webhooks",
  run: async ({ db, principal }, { id }) => (await deleteWebhookEndpoint(db, principal, principal.orgId, id)).id,
});

export const replayDeliveryAction = defineAction({
  args: ["id", "deliveryId"],
  input: z.strictObject({ id: ActionIdSchema, deliveryId: ActionIdSchema }),
  revalidate: endpointPage,
  run: async ({ db, principal }, { deliveryId }) => (await replayWebhookDelivery(db, principal, principal.orgId, deliveryId)).id,
});
