import type { z } from "zod";
import {
  AuditChainReportSchema,
  VerifyAuditChainQuerySchema,
  AuditCheckpointListSchema,
  AuditCheckpointSchema,
  AuditExportQuerySchema,
  AuditPurgeSchema,
  AuditRetentionSchema,
  AuditSigningKeyListSchema,
  AuditSigningKeySchema,
  ListAuditCheckpointsQuerySchema,
  RotatedAuditKeySchema,
  SetAuditRetentionSchema,
} from "./audit-schemas";

/** The audit evidence part of the OpenAPI document: keys, checkpoints, the export, retention and purge. */
export const auditComponents = {
  AuditChainReport: AuditChainReportSchema,
  AuditSigningKey: AuditSigningKeySchema,
  AuditSigningKeyList: AuditSigningKeyListSchema,
  AuditCheckpoint: AuditCheckpointSchema,
  AuditCheckpointList: AuditCheckpointListSchema,
  RotatedAuditKey: RotatedAuditKeySchema,
  SetAuditRetention: SetAuditRetentionSchema,
  AuditRetention: AuditRetentionSchema,
  AuditPurge: AuditPurgeSchema,
};
export const auditInputComponents = ["SetAuditRetention"];

type Helpers = { json: (name: string, example?: unknown) => object; errors: object; queryParams: (schema: z.ZodObject) => object[] };

export function auditPaths({ json, errors, queryParams }: Helpers) {
  return {
    "/audit/verify": {
      get: {
        operationId: "verifyAuditChain",
        summary: "Recompute the organisation's audit hash chain (admins) and point at the first broken link",
        description:
          "Complete (SHA-256 over every sealed event, checked against the signed checkpoints) and one at a time per organisation: a caller joins the check already running instead of starting another. `max_age` accepts a stored check that recent; a check still running after `wait` seconds answers 202 with Retry-After and goes on, and asking again returns its result. About half a minute at two million events.",
        parameters: queryParams(VerifyAuditChainQuerySchema),
        responses: {
          "200": { description: "The chain report", ...json("AuditChainReport") },
          "202": { description: "The check is still running; ask again after Retry-After" },
          ...errors,
        },
      },
    },
    "/audit/keys": {
      get: {
        operationId: "listAuditSigningKeys",
        summary: "The public keys (Ed25519, as JWKs) that verify the organisation's audit checkpoints, retired ones with their validity (people)",
        responses: { "200": { description: "Keys, oldest first", ...json("AuditSigningKeyList") }, ...errors },
      },
    },
    "/audit/keys/rotate": {
      post: {
        operationId: "rotateAuditSigningKey",
        summary: "Replace the signing key (admins): the old key signs a rotation checkpoint naming the new one, then is retired but kept",
        responses: { "201": { description: "The new key and the rotation checkpoint", ...json("RotatedAuditKey") }, ...errors },
      },
    },
    "/audit/checkpoints": {
      get: {
        operationId: "listAuditCheckpoints",
        summary: "Signed checkpoints of the audit chain, newest first (people)",
        parameters: queryParams(ListAuditCheckpointsQuerySchema),
        responses: { "200": { description: "A page", ...json("AuditCheckpointList") }, ...errors },
      },
    },
    "/audit/export": {
      get: {
        operationId: "exportAuditEvidence",
        summary: "The self-contained evidence file (people): header, public keys, signed checkpoints and events, as JSON lines",
        description:
          "Streamed `application/x-ndjson`. Its events run from a signed anchor to a signed checkpoint (without `to`, one of the current head is signed first), so `npx aegis-audit-verify FILE` (sdk/audit-verify) checks every link and signature offline and notices a cut-off tail.",
        parameters: queryParams(AuditExportQuerySchema),
        responses: { "200": { description: "The export", content: { "application/x-ndjson": { schema: { type: "string" } } } }, ...errors },
      },
    },
    "/audit/retention": {
      put: {
        operationId: "setAuditRetention",
        summary: "How many days audit events are kept before a purge may remove them (admins; 365 to 36525, default 2557)",
        requestBody: { required: true, ...json("SetAuditRetention", { days: 2557 }) },
        responses: { "200": { description: "The retention", ...json("AuditRetention") }, ...errors },
      },
    },
    "/audit/purge": {
      post: {
        operationId: "purgeAuditEvents",
        summary: "Delete events older than the retention (admins), after signing a tombstone checkpoint that keeps the rest verifiable",
        responses: { "200": { description: "What was purged", ...json("AuditPurge") }, ...errors },
      },
    },
  };
}
