import type { Actor } from "@/lib/auth/principal";
import type { DbOrTx } from "@/lib/db/client";
import { assertCan } from "@/lib/permissions/can";
import { planAuditPurge } from "./plan-audit-purge";

export type AuditPurgePreview = {
  /** How many events a purge now would delete (0: nothing is past retention). */
  events: number;
  from_seq: string | null;
  through_seq: string | null;
  /** Events created before this are past retention. */
  purged_before: string;
};

/** What purgeAuditEvents would delete now, for the confirmation that names it (admins: the same right as purging). */
export async function previewAuditPurge(db: DbOrTx, actor: Actor, orgId: string): Promise<AuditPurgePreview> {
  assertCan(actor, "audit.purge", { orgId });
  const { from, through, cutoff } = await planAuditPurge(db, orgId);
  const any = through >= from;
  return {
    events: any ? Number(through - from + 1n) : 0,
    from_seq: any ? from.toString() : null,
    through_seq: any ? through.toString() : null,
    purged_before: cutoff.toISOString(),
  };
}
