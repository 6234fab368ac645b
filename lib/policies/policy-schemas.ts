import { z } from "zod";

/** Policy documents travel as JSON objects; the engine's document schema checks them (400 with field details). */
const PolicyDocumentJson = z.record(z.string(), z.unknown()).describe("A policy document (see the README's policy table); amounts in minor units");

export const SetPolicySchema = z
  .object({
    base_version: z.int().min(0).describe("The version this document was edited from (GET /policy answers it); a stale one is refused with 409"),
    document: PolicyDocumentJson,
  })
  .strict();

export const PolicyChangeSchema = z.object({
  path: z.string(),
  kind: z.enum(["added", "removed", "changed"]),
  before: z.unknown(),
  after: z.unknown(),
});

export const PolicySchema = z.object({
  object: z.literal("policy"),
  version: z.int().describe("0 while the default policy applies"),
  updated_at: z.string().nullable(),
  updated_by: z.string().nullable(),
  document: PolicyDocumentJson,
});

export const PolicyVersionSchema = z.object({
  version: z.int(),
  base_version: z.int().nullable(),
  created_by: z.string(),
  created_at: z.string(),
  changes: z.array(PolicyChangeSchema).nullable().describe("What changed from the previous version; null when that one is beyond the list"),
  document: PolicyDocumentJson.optional(),
});

export const PolicyVersionListSchema = z.object({ object: z.literal("list"), data: z.array(PolicyVersionSchema) });
