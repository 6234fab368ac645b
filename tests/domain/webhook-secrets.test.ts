import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resealSecrets } from "@/lib/crypto/reseal-secrets";
import { sealPlainSecrets } from "@/lib/crypto/seal-plain-secrets";
import { generateSecretKey, isSealed, keyId, openSecret, parseSecretKeys } from "@/lib/crypto/secret-box";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { createWebhookEndpoint } from "@/lib/webhooks/create-webhook-endpoint";
import { rotateWebhookSecret } from "@/lib/webhooks/rotate-webhook-secret";
import { runAdminCommand } from "@/lib/cli/run-admin-command";
import { seedOrg } from "./support/seed";
import { createTestDb } from "./support/test-db";

/**
 * Issue 17, item 5: webhook signing secrets are encrypted at rest (AES-256-GCM, the secret box),
 * plain ones from before are sealed at start-up (idempotently), and a key rotation ends with
 * `aegis secrets reseal`. Keys come from AEGIS_SECRET_KEY, set here per step.
 */
const oldKey = generateSecretKey();
const newKey = generateSecretKey();
const idOf = (k: string) => keyId(Buffer.from(k, "base64"));
let db: PrismaClient;
let close: () => Promise<void>;
let before: string | undefined;

beforeAll(async () => {
  before = process.env.AEGIS_SECRET_KEY;
  process.env.AEGIS_SECRET_KEY = oldKey;
  ({ db, close } = await createTestDb());
}, 120_000);
afterAll(async () => {
  delete process.env.AEGIS_WEBHOOK_ALLOW_PRIVATE_URLS;
  if (before === undefined) delete process.env.AEGIS_SECRET_KEY;
  else process.env.AEGIS_SECRET_KEY = before;
  await close();
});

const stored = (id: string) => db.webhookEndpoint.findUniqueOrThrow({ where: { id }, select: { secret: true, previousSecret: true } });
const sealedUnder = (value: string | null) => value?.split(":")[2];
const allowPrivate = () => (process.env.AEGIS_WEBHOOK_ALLOW_PRIVATE_URLS = "1");

describe("webhook signing secrets at rest", () => {
  it("are stored sealed: the database never holds the whsec_ value the admin was shown", async () => {
    allowPrivate();
    const { org, people } = await seedOrg(db, { admin: "admin" });
    const created = await createWebhookEndpoint(db, people.admin!, org.id, { url: "http://127.0.0.1:9/hooks", events: ["intent.decided"] });
    expect(created.secret).toMatch(/^whsec_/);
    const row = await stored(created.id);
    expect(isSealed(row.secret)).toBe(true);
    expect(row.secret).not.toContain(created.secret.slice(6));
    expect(openSecret(row.secret)).toBe(created.secret);

    const rotated = await rotateWebhookSecret(db, people.admin!, org.id, created.id, { overlap_seconds: 3600 });
    const after = await stored(created.id);
    expect([isSealed(after.secret), isSealed(after.previousSecret!)]).toEqual([true, true]);
    expect([openSecret(after.secret), openSecret(after.previousSecret!)]).toEqual([rotated.secret, created.secret]);
  });

  it("plain secrets left by an older version are sealed at start-up, once, and still sign the same", async () => {
    const { org } = await seedOrg(db, {});
    const plain = "whsec_" + Buffer.from("an older version kept me plain!!").toString("base64");
    await db.webhookEndpoint.create({
      data: { id: `whe_plain_${Date.now()}`, orgId: org.id, url: "http://127.0.0.1:9/x", events: ["intent.decided"], secret: plain, previousSecret: plain },
    });
    expect(await sealPlainSecrets(db)).toBeGreaterThanOrEqual(2);
    const rows = await db.webhookEndpoint.findMany({ where: { orgId: org.id } });
    expect(rows.every((r) => isSealed(r.secret) && isSealed(r.previousSecret!))).toBe(true);
    expect(openSecret(rows[0]!.secret)).toBe(plain);
    expect(await sealPlainSecrets(db)).toBe(0); // idempotent
  });

  it("a rotation: new key first, old key after it, `secrets reseal`, then the old key can go", async () => {
    allowPrivate();
    const { org, people } = await seedOrg(db, { admin: "admin" });
    const created = await createWebhookEndpoint(db, people.admin!, org.id, { url: "http://127.0.0.1:9/hooks", events: ["intent.decided"] });
    expect(sealedUnder((await stored(created.id)).secret)).toBe(idOf(oldKey));

    process.env.AEGIS_SECRET_KEY = `${newKey},${oldKey}`;
    const result = (await runAdminCommand(db, ["secrets", "reseal"], {})) as { key_id: string; columns: { resealed: number; failed: unknown[] }[] };
    expect(result.key_id).toBe(idOf(newKey));
    expect(result.columns.reduce((n, c) => n + c.resealed, 0)).toBeGreaterThanOrEqual(1);
    expect(result.columns.flatMap((c) => c.failed)).toEqual([]);
    const again = (await runAdminCommand(db, ["secrets", "reseal"], {})) as { columns: { resealed: number; sealed: number }[] };
    expect(again.columns.every((c) => c.resealed === 0 && c.sealed === 0)).toBe(true); // a second run changes nothing

    process.env.AEGIS_SECRET_KEY = newKey; // the old key is gone
    const row = await stored(created.id);
    expect(sealedUnder(row.secret)).toBe(idOf(newKey));
    expect(openSecret(row.secret)).toBe(created.secret);
    const everything = await db.webhookEndpoint.findMany({ select: { secret: true } });
    expect(everything.every((r) => sealedUnder(r.secret) === idOf(newKey))).toBe(true);
  });

  it("a value no key opens is reported and left as it is, never overwritten", async () => {
    const { org } = await seedOrg(db, {});
    const foreign = parseSecretKeys(generateSecretKey());
    const { sealSecret } = await import("@/lib/crypto/secret-box");
    const id = `whe_foreign_${Date.now()}`;
    const value = sealSecret("whsec_c2VhbGVkIHVuZGVyIGFub3RoZXIga2V5", foreign);
    await db.webhookEndpoint.create({ data: { id, orgId: org.id, url: "http://127.0.0.1:9/x", events: ["intent.decided"], secret: value } });
    const report = await resealSecrets(db);
    expect(report.flatMap((c) => c.failed)).toEqual([{ id, error: expect.stringMatching(/does not hold/) }]);
    expect((await stored(id)).secret).toBe(value);
    await db.webhookEndpoint.delete({ where: { id } });
  });
});
