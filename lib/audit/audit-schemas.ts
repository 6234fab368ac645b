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
      reason: z.enum(["sequence_gap", "previous_hash_mismatch", "hash_mismatch", "checkpoint_mismatch"]),
      detail: z.string(),
    })
    .nullable(),
  verification_id: z.string().describe("The stored check this answer comes from (the dashboard's Audit chain page shows the same)"),
  checked_at: z.string().describe("When that check finished"),
});

export const VerifyAuditChainQuerySchema = z.strictObject({
  max_age: z.coerce.number().int().min(0).max(86_400).default(0).describe("Seconds: a stored check that finished this recently answers at once"),
  wait: z.coerce.number().int().min(0).max(55).default(25).describe("Seconds to wait for a running check before answering 202"),
});

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "a date like 2026-11-29")
  .refine((s) => !Number.isNaN(Date.parse(s)), "a real date");

export const AuditSigningKeySchema = z.object({
  object: z.literal("audit_signing_key"),
  id: z.string(),
  algorithm: z.literal("Ed25519"),
  public_key: z.object({ kty: z.literal("OKP"), crv: z.literal("Ed25519"), x: z.string(), kid: z.string() }).describe("The public key as a JWK"),
  valid_from: z.string(),
  valid_until: z.string().nullable().describe("null while the key signs; set when it was rotated out (it still verifies what it signed)"),
});
export const AuditSigningKeyListSchema = z.object({ object: z.literal("list"), data: z.array(AuditSigningKeySchema) });

export const AuditCheckpointSchema = z.object({
  object: z.literal("audit_checkpoint"),
  id: z.string(),
  org_id: z.string(),
  kind: z.enum(["periodic", "export", "rotation", "tombstone"]),
  seq: z.string().describe("The last sequence number the checkpoint covers"),
  hash: z.string().describe("That event's hash"),
  created_at: z.string(),
  key_id: z.string(),
  signature: z.string().describe("Ed25519 (base64) over the RFC 8785 JSON of v, type, id, org, kind, seq, hash, at, key_id and details"),
  details: z.record(z.string(), z.unknown()),
  timestamp: z.object({ token: z.string().describe("RFC 3161 TimeStampToken, base64 DER"), time: z.string().nullable() }).nullable(),
  timestamp_state: z
    .enum(["stamped", "waiting", "failed", "not_requested"])
    .describe(
      "stamped: a token is stored; waiting: the authority is still being asked (retries back off); failed: a day of attempts failed; not_requested: no AEGIS_TSA_URL when it was signed",
    ),
  timestamp_error: z.string().nullable().describe("The authority's last refusal or failure while not stamped, in plain words"),
});
export const AuditCheckpointListSchema = z.object({ object: z.literal("list"), data: z.array(AuditCheckpointSchema), has_more: z.boolean() });
export const ListAuditCheckpointsQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  before_seq: z
    .string()
    .regex(/^\d{1,18}$/)
    .optional()
    .describe("Checkpoints below this sequence number (the next page)"),
});

export const AuditExportQuerySchema = z.strictObject({
  from: day.optional().describe("First day (UTC) of the events wanted; the export starts at the signed checkpoint before it"),
  to: day.optional().describe("Last day (UTC); the export ends at the first signed checkpoint after it"),
});

export const RotatedAuditKeySchema = z.object({ key: AuditSigningKeySchema, checkpoint: AuditCheckpointSchema });

export const SetAuditRetentionSchema = z.strictObject({
  days: z.int().min(365).max(36_525).describe("How long audit events are kept before a purge may remove them (default 2557, 7 years)"),
});
export const AuditRetentionSchema = z.object({ object: z.literal("audit_retention"), days: z.int() });

export const AuditPurgeSchema = z.object({
  object: z.literal("audit_purge"),
  purged: z.int().describe("Events deleted by this call"),
  purged_through_seq: z.string().nullable(),
  purged_before: z.string(),
  tombstone: AuditCheckpointSchema.nullable().describe("The signed tombstone checkpoint this purge left (null when nothing was old enough)"),
});
