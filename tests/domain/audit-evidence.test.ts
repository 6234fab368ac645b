import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chainAuditEvents } from "@/lib/audit/chain-audit-events";
import { checkpointAuditChains } from "@/lib/audit/checkpoint-audit-chains";
import { checkpointPayload } from "@/lib/audit/checkpoint-payload";
import { createAuditCheckpoint } from "@/lib/audit/create-audit-checkpoint";
import type { Db } from "@/lib/db/client";
import { createTestDb } from "./support/test-db";
import { seedOrg } from "./support/seed";

let db: Db;
let close: () => Promise<void>;
beforeAll(async () => ({ db, close } = await createTestDb()), 120_000);
afterAll(() => close());

async function sealedOrg() {
  const s = await seedOrg(db, { admin: "admin", viewer: "viewer" });
  await chainAuditEvents(db, s.org.id);
  const rows = await db.auditEvent.findMany({ where: { orgId: s.org.id }, orderBy: { seq: "asc" } });
  return { ...s, rows };
}

const refused = /append-only/;

describe("append-only audit tables (triggers), in process on PGlite", { timeout: 60_000 }, () => {
  it("refuses UPDATE, DELETE and TRUNCATE of sealed and unsealed events, but lets the chainer seal", async () => {
    const { org, rows } = await sealedOrg();
    await expect(db.$executeRaw`UPDATE audit_events SET actor_label = 'x' WHERE id = ${rows[0].id}`).rejects.toThrow(refused);
    await expect(db.$executeRaw`UPDATE audit_events SET seq = NULL, prev_hash = NULL, hash = NULL WHERE id = ${rows[1].id}`).rejects.toThrow(refused);
    await expect(db.$executeRaw`DELETE FROM audit_events WHERE id = ${rows.at(-1)!.id}`).rejects.toThrow(refused);
    await expect(db.$executeRaw`TRUNCATE audit_events CASCADE`).rejects.toThrow(refused);
    // A new event is unsealed: editing it before the chainer seals it is refused too.
    await db.$transaction((tx) =>
      tx.auditEvent.create({
        data: {
          id: `evt_${crypto.randomUUID()}`,
          orgId: org.id,
          actorType: "system",
          actorLabel: "system",
          action: "user.deactivated",
          targetType: "user",
          targetId: "u",
          data: {},
        },
      }),
    );
    const fresh = await db.auditEvent.findFirstOrThrow({ where: { orgId: org.id, seq: null } });
    await expect(db.$executeRaw`UPDATE audit_events SET data = '{"x":1}' WHERE id = ${fresh.id}`).rejects.toThrow(refused);
    await expect(db.$executeRaw`UPDATE audit_events SET seq = 99999, prev_hash = 'a', hash = 'b', action = 'x' WHERE id = ${fresh.id}`).rejects.toThrow(
      refused,
    );
    expect(await chainAuditEvents(db, org.id)).toBe(1);
    expect(await db.auditEvent.count({ where: { orgId: org.id, seq: null } })).toBe(0);
    expect(await db.auditEvent.count({ where: { orgId: org.id } })).toBe(rows.length + 1);
  });

  it("signs checkpoints that verify with the published key, and refuses changing or deleting them", async () => {
    const { org, rows } = await sealedOrg();
    const cp = await db.$transaction((tx) => createAuditCheckpoint(tx, org.id, "periodic"));
    expect(cp).toMatchObject({ seq: rows.at(-1)!.seq, hash: rows.at(-1)!.hash, kind: "periodic" });
    const key = await db.auditSigningKey.findUniqueOrThrow({ where: { id: cp.keyId } });
    expect(key.privateKey).toMatch(/^aes256gcm:v1:/);
    const publicKey = crypto.createPublicKey({ key: { kty: "OKP", crv: "Ed25519", x: key.publicKey }, format: "jwk" });
    expect(crypto.verify(null, Buffer.from(checkpointPayload(cp)), publicKey, Buffer.from(cp.signature, "base64"))).toBe(true);
    expect(crypto.verify(null, Buffer.from(checkpointPayload({ ...cp, seq: cp.seq - 1n })), publicKey, Buffer.from(cp.signature, "base64"))).toBe(false);
    await expect(db.$executeRaw`UPDATE audit_checkpoints SET hash = 'x' WHERE id = ${cp.id}`).rejects.toThrow(refused);
    await expect(db.$executeRaw`DELETE FROM audit_checkpoints WHERE id = ${cp.id}`).rejects.toThrow(refused);
    await expect(db.$executeRaw`DELETE FROM audit_signing_keys WHERE id = ${key.id}`).rejects.toThrow(/kept for verification/);
    await expect(db.$executeRaw`UPDATE audit_signing_keys SET public_key = 'x' WHERE id = ${key.id}`).rejects.toThrow(/kept for verification/);
    // The timestamp columns may be written once, then they freeze.
    await db.auditCheckpoint.update({ where: { id: cp.id }, data: { tsaAttempts: 1, tsaError: "TSA down" } });
    await db.auditCheckpoint.update({ where: { id: cp.id }, data: { tsaToken: Buffer.from([1, 2, 3]), tsaError: null } });
    await expect(db.auditCheckpoint.update({ where: { id: cp.id }, data: { tsaToken: Buffer.from([4]) } })).rejects.toThrow(refused);
  });

  it("makes a periodic checkpoint once the head moved enough, once per head", async () => {
    const { org, rows } = await sealedOrg();
    const old = new Date(Date.now() - 3_600_000);
    await db.$executeRaw`UPDATE organizations SET created_at = ${old} WHERE id = ${org.id}`;
    const later = new Date(Date.now() + 11 * 60_000);
    expect(await checkpointAuditChains(db, later)).toBeGreaterThanOrEqual(1);
    const cps = await db.auditCheckpoint.findMany({ where: { orgId: org.id } });
    expect(cps).toHaveLength(1);
    expect(cps[0]).toMatchObject({ kind: "periodic", seq: rows.at(-1)!.seq });
    await checkpointAuditChains(db, new Date(later.getTime() + 3_600_000));
    expect(await db.auditCheckpoint.count({ where: { orgId: org.id } })).toBe(1);
  });
});
