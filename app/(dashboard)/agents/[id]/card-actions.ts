"use server";

import { z } from "zod";
import { AgentIdSchema } from "@/lib/agents/agent-schemas";
import { ActionIdSchema, defineAction } from "@/lib/actions/define-action";
import { attachCard } from "@/lib/rails/attach-card";
import { detachCard } from "@/lib/rails/detach-card";
import { AttachCardSchema } from "@/lib/rails/rail-schemas";
import { serializeCard } from "@/lib/rails/serialize-rail";

/** Attaching and detaching an agent's rail cards (admins; the verbs check `rail.manage` and write the audit events). */
const agentPage = ({ agentId }: { agentId: string }) => `/agents/${agentId}`;

export const attachCardAction = defineAction({
  input: z.strictObject({
    agentId: AgentIdSchema,
    provider: AttachCardSchema.shape.provider,
    railCardId: AttachCardSchema.shape.card,
    // An empty field is "not given", as the API's field left out.
    last4: z
      .string()
      .trim()
      .transform((v) => v || undefined)
      .pipe(AttachCardSchema.shape.last4),
  }),
  revalidate: agentPage,
  run: async ({ db, principal }, input) => serializeCard(await attachCard(db, { orgId: principal.orgId, actor: principal, ...input })),
});

export const detachCardAction = defineAction({
  args: ["agentId", "cardId"],
  input: z.strictObject({ agentId: AgentIdSchema, cardId: ActionIdSchema }),
  revalidate: agentPage,
  run: async ({ db, principal }, { cardId }) => serializeCard(await detachCard(db, { orgId: principal.orgId, actor: principal, cardId })),
});
