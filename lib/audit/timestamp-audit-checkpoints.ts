import type { Db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { checkpointPayload } from "./checkpoint-payload";
import { requestCheckpointTimestamp, type CheckpointTimestamp } from "./request-checkpoint-timestamp";

/** Checkpoints timestamped side by side in one pass: a slow TSA costs one deadline per pass, not per checkpoint. */
const BATCH = 8;
const RETRY_BASE_MS = 5_000;
const RETRY_MAX_DELAY_MS = 60 * 60_000;
/** After a day of failures the checkpoint stays untimestamped (its error says why); it is still signed and witnessed. */
const GIVE_UP_AFTER_MS = 24 * 60 * 60_000;

export type TimestampFetcher = (url: string, payload: Uint8Array, timeoutMs: number) => Promise<CheckpointTimestamp>;

/** The wait before try n + 1 after n tries: 5 s doubling, at most an hour. */
export const timestampRetryDelay = (attempts: number) => Math.min(RETRY_BASE_MS * 2 ** Math.max(0, attempts - 1), RETRY_MAX_DELAY_MS);

/**
 * The RFC 3161 outbox: checkpoints made while AEGIS_TSA_URL was set are due at once
 * (createAuditCheckpoint sets tsa_next_at in its transaction, so only committed ones are seen),
 * and each pass asks the TSA for a token over each due checkpoint's signed bytes. A checkpoint is
 * claimed with a guarded update that also books its next try (the lease: a crash mid-request
 * retries later, and two instances never ask twice at once); success stores the token and its
 * time, which the table's trigger then freezes; failure keeps the error and backs off. Nothing
 * here can fail or delay a checkpoint: it is already committed. Returns how many got a token.
 */
export async function timestampAuditCheckpoints(db: Db, now = new Date(), fetcher: TimestampFetcher = requestCheckpointTimestamp): Promise<number> {
  const { AEGIS_TSA_URL: url, AEGIS_TSA_TIMEOUT_MS: timeoutMs } = env();
  if (!url) return 0;
  const due = await db.auditCheckpoint.findMany({
    where: { tsaToken: null, tsaNextAt: { lte: now } },
    orderBy: { tsaNextAt: "asc" },
    take: BATCH,
  });
  const done = await Promise.all(
    due.map(async (c) => {
      const attempts = c.tsaAttempts + 1;
      const claimed = await db.auditCheckpoint.updateMany({
        where: { id: c.id, tsaToken: null, tsaNextAt: c.tsaNextAt, tsaAttempts: c.tsaAttempts },
        data: { tsaAttempts: attempts, tsaNextAt: new Date(now.getTime() + timeoutMs + timestampRetryDelay(attempts)) },
      });
      if (claimed.count === 0) return 0;
      try {
        const t = await fetcher(url, Buffer.from(checkpointPayload(c)), timeoutMs);
        await db.auditCheckpoint.updateMany({
          where: { id: c.id, tsaToken: null },
          data: { tsaToken: new Uint8Array(t.token), tsaTime: t.time, tsaNextAt: null, tsaError: null },
        });
        return 1;
      } catch (e) {
        const error = e instanceof Error ? (e.name === "TimeoutError" ? `no answer within ${timeoutMs} ms` : e.message) : String(e);
        const giveUp = now.getTime() - c.createdAt.getTime() >= GIVE_UP_AFTER_MS;
        await db.auditCheckpoint.updateMany({
          where: { id: c.id, tsaToken: null },
          data: { tsaError: error.slice(0, 500), ...(giveUp ? { tsaNextAt: null } : {}) },
        });
        return 0;
      }
    }),
  );
  return done.reduce<number>((a, b) => a + b, 0);
}
