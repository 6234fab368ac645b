"use server";

import { z } from "zod";
import { ActionIdSchema, defineAction } from "@/lib/actions/define-action";
import { settleIntentsInBulk } from "@/lib/intents/settle-intents-in-bulk";

/** Capture in full or void the ticked approvals (each on its own, as one would). */
export const settleIntentsAction = defineAction({
  args: ["intentIds", "kind", "note"],
  input: z.strictObject({
    intentIds: z.array(ActionIdSchema).min(1).max(100),
    kind: z.enum(["capture", "void"]),
    note: z
      .string()
      .trim()
      .max(500)
      .optional()
      .transform((n) => n || undefined),
  }),
  revalidate: "/reconciliation",
  run: async ({ db, principal }, input) => settleIntentsInBulk(db, principal, input),
});
