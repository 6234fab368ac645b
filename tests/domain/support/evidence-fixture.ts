import { chainAuditEvents } from "@/lib/audit/chain-audit-events";
import { createAuditCheckpoint } from "@/lib/audit/create-audit-checkpoint";
import { exportAuditEvidence } from "@/lib/audit/export-audit-evidence";
import { purgeAuditEvents } from "@/lib/audit/purge-audit-events";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { rotateAuditSigningKey } from "@/lib/audit/rotate-audit-signing-key";
import { setAuditRetention } from "@/lib/audit/set-audit-retention";
import type { Db } from "@/lib/db/client";
import { seedOrg } from "./seed";

const YEAR = 365 * 86_400_000;

/**
 * An organisation whose evidence has every kind of checkpoint, made by the app's own verbs: three
 * events from three years ago (purged after a 1-year retention, leaving a tombstone), the
 * organisation's set-up, a periodic checkpoint, a key rotation, more events, then the export (which
 * signs the head). Returns the export's lines. sdk/audit-verify's test fixture is one of these.
 */
export async function makeEvidence(db: Db): Promise<{ orgId: string; lines: string[] }> {
  const s = await seedOrg(db, { admin: "admin" });
  const orgId = s.org.id;
  const old = Date.now() - 3 * YEAR;
  await db.$transaction(async (tx) => {
    for (const [i, amount] of [50_000, 75_000, 120_000].entries()) {
      await recordAuditEvent(tx, {
        orgId,
        actor: "system",
        action: "wallet.funded",
        targetId: s.agent.id,
        data: { wallet_id: "wal_old", amount, currency: "INR", memo: `opening ${i}` },
        at: new Date(old + i * 60_000),
      });
    }
  });
  await chainAuditEvents(db, orgId);
  await db.$transaction((tx) => createAuditCheckpoint(tx, orgId, "periodic"));
  await setAuditRetention(db, s.people.admin, orgId, 365);
  await chainAuditEvents(db, orgId);
  await purgeAuditEvents(db, s.people.admin, orgId);
  await rotateAuditSigningKey(db, s.people.admin, orgId);
  await db.$transaction((tx) =>
    recordAuditEvent(tx, { orgId, actor: s.people.admin, action: "agent.suspended", targetId: s.agent.id, data: { status: "suspended" } }),
  );
  await chainAuditEvents(db, orgId);
  const lines: string[] = [];
  for await (const l of exportAuditEvidence(db, s.people.admin, orgId)) lines.push(l);
  return { orgId, lines };
}
