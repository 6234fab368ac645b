"use server";

import { revalidatePath } from "next/cache";
import { toActionResult } from "@/lib/actions/action-result";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { revokeApiKey } from "@/lib/api-keys/revoke-api-key";
import { requireSession } from "@/lib/auth/require-session";
import { createWebhookEndpoint } from "@/lib/webhooks/create-webhook-endpoint";
import { deleteWebhookEndpoint } from "@/lib/webhooks/delete-webhook-endpoint";
import { replayWebhookDelivery } from "@/lib/webhooks/replay-webhook-delivery";
import { rotateWebhookSecret } from "@/lib/webhooks/rotate-webhook-secret";
import { updateWebhookEndpoint } from "@/lib/webhooks/update-webhook-endpoint";
import type { CreateWebhookEndpointInput, UpdateWebhookEndpointInput } from "@/lib/webhooks/webhook-schemas";

/** Developers actions: thin calls into the domain verbs, which check the role (admin) and audit. */
async function run<T>(path: string, fn: (ctx: Awaited<ReturnType<typeof requireSession>>) => Promise<T>) {
  const ctx = await requireSession();
  const result = await toActionResult(() => fn(ctx));
  if (result.ok) revalidatePath(path);
  return result;
}

export async function createKeyAction(input: { owner: string; name: string }) {
  return run("/developers/keys", async ({ db, principal }) => {
    const name = input.name.trim() || undefined;
    const key =
      input.owner === "me"
        ? await createApiKey(db, principal, { orgId: principal.orgId, kind: "user", userId: principal.userId, name })
        : await createApiKey(db, principal, { orgId: principal.orgId, kind: "agent", agentId: input.owner, name });
    return { key: key.key, name: key.name };
  });
}

export async function revokeKeyAction(keyId: string) {
  return run("/developers/keys", async ({ db, principal }) => (await revokeApiKey(db, principal, { orgId: principal.orgId, keyId }), keyId));
}

export async function createEndpointAction(input: CreateWebhookEndpointInput) {
  return run("/developers/webhooks", async ({ db, principal }) => {
    const e = await createWebhookEndpoint(db, principal, principal.orgId, input);
    return { id: e.id, secret: e.secret, url: e.url };
  });
}

export async function updateEndpointAction(id: string, input: UpdateWebhookEndpointInput) {
  return run(`/developers/webhooks/${id}`, async ({ db, principal }) => (await updateWebhookEndpoint(db, principal, principal.orgId, id, input)).status);
}

export async function rotateSecretAction(id: string, overlapSeconds: number) {
  return run(
    `/developers/webhooks/${id}`,
    async ({ db, principal }) => (await rotateWebhookSecret(db, principal, principal.orgId, id, { overlap_seconds: overlapSeconds })).secret,
  );
}

export async function deleteEndpointAction(id: string) {
  return run("/developers/webhooks", async ({ db, principal }) => (await deleteWebhookEndpoint(db, principal, principal.orgId, id)).id);
}

export async function replayDeliveryAction(endpointId: string, deliveryId: string) {
  return run(`/developers/webhooks/${endpointId}`, async ({ db, principal }) => (await replayWebhookDelivery(db, principal, principal.orgId, deliveryId)).id);
}
