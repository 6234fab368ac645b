import { z } from "zod";

export const AuditChainReportSchema = z.object({
  object: z.literal("audit_chain_report"),
  org_id: z.string(),
  ok: z.boolean(),
  checked: z.int().describe("Sealed events checked, up to the first broken link"),
  pending: z.int().describe("Events recorded but not sealed yet (sealed within seconds)"),
  head: z.object({ seq: z.string(), hash: z.string() }).nullable().describe("The last good link; store it elsewhere to detect a rewrite of the tail later"),
  first_broken: z
    .object({
      seq: z.string(),
      id: z.string(),
      created_at: z.string(),
      action: z.string(),
      reason: z.enum(["sequence_gap", "previous_hash_mismatch", "hash_mismatch"]),
      detail: z.string(),
    })
    .nullable(),
});
