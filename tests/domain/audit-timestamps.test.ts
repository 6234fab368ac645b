import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chainAuditEvents } from "@/lib/audit/chain-audit-events";
import { checkpointPayload } from "@/lib/audit/checkpoint-payload";
import { createAuditCheckpoint } from "@/lib/audit/create-audit-checkpoint";
import { exportAuditEvidence } from "@/lib/audit/export-audit-evidence";
import { serializeAuditCheckpoint } from "@/lib/audit/serialize-audit-checkpoint";
import { timestampAuditCheckpoints, timestampRetryDelay } from "@/lib/audit/timestamp-audit-checkpoints";
import type { Db } from "@/lib/db/client";
import { verifyExport, verifyTimestampToken } from "../../sdk/audit-verify/lib/index.js";
import { startOpensslTsa, type OpensslTsa } from "../integration/support/openssl-tsa";
import { seedOrg } from "./support/seed";
import { createTestDb } from "./support/test-db";

// RFC 3161 timestamps from a real TSA (openssl ts -reply behind HTTP), fetched after commit by the background pass.
let db: Db;
let close: () => Promise<void>;
let tsa: OpensslTsa;
// Generous: openssl starts a process per reply, which takes seconds on a loaded machine.
const TIMEOUT_MS = 5_000;
beforeAll(async () => {
  ({ db, close } = await createTestDb());
  tsa = await startOpensslTsa();
  process.env.AEGIS_TSA_URL = tsa.url;
  process.env.AEGIS_TSA_TIMEOUT_MS = String(TIMEOUT_MS);
}, 120_000);
afterAll(async () => {
  delete process.env.AEGIS_TSA_URL;
  delete process.env.AEGIS_TSA_TIMEOUT_MS;
  await tsa.stop();
  await close();
});

async function checkpointedOrg() {
  const s = await seedOrg(db, { admin: "admin" });
  await chainAuditEvents(db, s.org.id);
  const cp = await db.$transaction((tx) => createAuditCheckpoint(tx, s.org.id, "periodic"));
  return { ...s, cp };
}

const reload = (id: string) => db.auditCheckpoint.findUniqueOrThrow({ where: { id } });

describe("RFC 3161 timestamps on audit checkpoints", { timeout: 60_000 }, () => {
  it("a committed checkpoint gets a token from the TSA that openssl and sdk/audit-verify accept, and the export carries it", async () => {
    const { org, people, cp } = await checkpointedOrg();
    expect(cp.tsaToken).toBeNull();
    expect(cp.tsaNextAt).toEqual(cp.createdAt);
    const before = Date.now();
    expect(await timestampAuditCheckpoints(db)).toBe(1);
    const stored = await reload(cp.id);
    expect(stored).toMatchObject({ tsaAttempts: 1, tsaNextAt: null, tsaError: null });
    expect(stored.tsaTime!.getTime()).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000 - 1000);
    expect(stored.tsaTime!.getTime()).toBeLessThanOrEqual(Date.now() + 1000);

    const token = Buffer.from(stored.tsaToken!);
    const payload = Buffer.from(checkpointPayload(stored));
    const openssl = await tsa.verify(token, payload);
    expect(openssl.ok, openssl.out).toBe(true);
    expect(verifyTimestampToken(token, payload)).toMatchObject({ time: stored.tsaTime, tsa: expect.stringContaining("CN=Aegis Test TSA") });
    // The same token over other bytes is refused, by openssl and by our verifier.
    const other = Buffer.from(checkpointPayload({ ...stored, seq: stored.seq + 1n }));
    expect((await tsa.verify(token, other)).ok).toBe(false);
    expect(() => verifyTimestampToken(token, other)).toThrow(/message imprint does not match/);

    // Frozen once stored (the append-only trigger), and never asked for again.
    await expect(db.auditCheckpoint.update({ where: { id: cp.id }, data: { tsaError: "x" } })).rejects.toThrow(/append-only/);
    const asked = tsa.requests;
    expect(await timestampAuditCheckpoints(db, new Date(Date.now() + 86_400_000))).toBe(0);
    expect(tsa.requests).toBe(asked);

    let text = "";
    for await (const line of exportAuditEvidence(db, people.admin, org.id)) text += line;
    const lines = text.trim().split("\n");
    const row = lines.map((l) => JSON.parse(l)).find((l) => l.type === "checkpoint" && l.id === cp.id);
    expect(row.timestamp).toEqual({ token: token.toString("base64"), time: stored.tsaTime!.toISOString() });
    const report = await verifyExport(lines);
    expect(report.problems).toEqual([]);
    expect(report.ok).toBe(true);
    expect(report.timestamps).toContainEqual(expect.objectContaining({ checkpoint: cp.id, time: stored.tsaTime }));
  });

  it("a TSA that is down or silent never touches the checkpoint: the error is kept and it is retried after a backoff", async () => {
    const { cp } = await checkpointedOrg();
    tsa.mode = "down";
    const now = new Date();
    expect(await timestampAuditCheckpoints(db, now)).toBe(0);
    let row = await reload(cp.id);
    expect(row).toMatchObject({ tsaToken: null, tsaAttempts: 1, tsaError: "the timestamp authority answered HTTP 503" });
    expect(row.tsaNextAt).toEqual(new Date(now.getTime() + TIMEOUT_MS + timestampRetryDelay(1)));
    // What the API, the export and the evidence page show while it retries.
    expect(serializeAuditCheckpoint(row)).toMatchObject({
      timestamp: null,
      timestamp_state: "waiting",
      timestamp_error: "the timestamp authority answered HTTP 503",
    });
    // Not due yet: no request.
    const asked = tsa.requests;
    expect(await timestampAuditCheckpoints(db, new Date(now.getTime() + 1_000))).toBe(0);
    expect(tsa.requests).toBe(asked);

    tsa.mode = "hang";
    const second = row.tsaNextAt!;
    const started = Date.now();
    expect(await timestampAuditCheckpoints(db, second)).toBe(0);
    expect(Date.now() - started).toBeLessThan(TIMEOUT_MS + 5_000);
    row = await reload(cp.id);
    expect(row).toMatchObject({ tsaToken: null, tsaAttempts: 2, tsaError: `no answer within ${TIMEOUT_MS} ms` });
    expect(row.tsaNextAt).toEqual(new Date(second.getTime() + TIMEOUT_MS + timestampRetryDelay(2)));

    tsa.mode = "ok";
    expect(await timestampAuditCheckpoints(db, row.tsaNextAt!)).toBe(1);
    row = await reload(cp.id);
    expect(row).toMatchObject({ tsaAttempts: 3, tsaError: null, tsaNextAt: null });
    expect(serializeAuditCheckpoint(row)).toMatchObject({ timestamp_state: "stamped", timestamp_error: null });
    expect((await tsa.verify(Buffer.from(row.tsaToken!), Buffer.from(checkpointPayload(row)))).ok).toBe(true);
  });

  it("after a day of failures it gives up, and says why", async () => {
    const { cp } = await checkpointedOrg();
    tsa.mode = "down";
    try {
      const dayOn = new Date(cp.createdAt.getTime() + 24 * 3_600_000);
      expect(await timestampAuditCheckpoints(db, dayOn)).toBe(0);
      const row = await reload(cp.id);
      expect(row).toMatchObject({ tsaToken: null, tsaNextAt: null, tsaAttempts: 1 });
      expect(serializeAuditCheckpoint(row)).toMatchObject({
        timestamp: null,
        timestamp_state: "failed",
        timestamp_error: "the timestamp authority answered HTTP 503",
      });
    } finally {
      tsa.mode = "ok";
    }
  });

  it("without AEGIS_TSA_URL no checkpoint is due and nothing is asked", async () => {
    delete process.env.AEGIS_TSA_URL;
    try {
      const { cp } = await checkpointedOrg();
      expect(cp.tsaNextAt).toBeNull();
      expect(serializeAuditCheckpoint(cp)).toMatchObject({ timestamp: null, timestamp_state: "not_requested", timestamp_error: null });
      const asked = tsa.requests;
      expect(await timestampAuditCheckpoints(db)).toBe(0);
      expect(tsa.requests).toBe(asked);
    } finally {
      process.env.AEGIS_TSA_URL = tsa.url;
    }
  });
});
