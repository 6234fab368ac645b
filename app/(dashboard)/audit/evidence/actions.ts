"use server";

import { z } from "zod";
import { defineAction } from "@/lib/actions/define-action";
import { MAX_RETENTION_DAYS, MIN_RETENTION_DAYS } from "@/lib/audit/set-audit-retention";
import { purgeAuditEvents } from "@/lib/audit/purge-audit-events";
import { rotateAuditSigningKey } from "@/lib/audit/rotate-audit-signing-key";
import { setAuditRetention } from "@/lib/audit/set-audit-retention";

// The verbs check the role (admins) and audit each change; these only parse what the browser sent.
const paths = ["/audit/evidence", "/audit/verify"];

/** The outgoing key signs a rotation checkpoint naming the new one, then is retired (kept to verify). */
export const rotateSigningKeyAction = defineAction({
  args: [],
  input: z.strictObject({}),
  revalidate: () => paths,
  run: async ({ db, principal }) => {
    const { key, checkpoint } = await rotateAuditSigningKey(db, principal, principal.orgId);
    return { keyId: key.id, checkpointId: checkpoint.id };
  },
});

/** Retention in days (the form sends whole years as days: 7 years is 2,557). */
export const setRetentionAction = defineAction({
  args: ["days"],
  input: z.strictObject({ days: z.number().int().min(MIN_RETENTION_DAYS).max(MAX_RETENTION_DAYS) }),
  revalidate: () => paths,
  run: async ({ db, principal }, { days }) => setAuditRetention(db, principal, principal.orgId, days),
});

/** Deletes the events past retention behind a signed tombstone checkpoint. */
export const purgeAuditEventsAction = defineAction({
  args: [],
  input: z.strictObject({}),
  revalidate: () => paths,
  run: async ({ db, principal }) => {
    const r = await purgeAuditEvents(db, principal, principal.orgId);
    return { purged: r.purged, tombstoneId: r.tombstone?.id ?? null, throughSeq: r.purged_through_seq };
  },
});
