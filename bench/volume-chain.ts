// Seals the volume seed's audit events into the organisation's hash chain the way the app's
// chainer would (lib/audit/chain-audit-events.ts: next seq, previous hash, SHA-256 over the
// canonical JSON), but in bulk: the events are staged in vol_e, numbered in time order, hashed
// here in batches, and inserted once with their links, so no row is written twice.
import type pg from "pg";
import { GENESIS_HASH, hashAuditEvent } from "@/lib/audit/hash-audit-event";

const BATCH = 20_000;

type Staged = {
  ord: string;
  id: string;
  org_id: string;
  actor_type: string;
  actor_id: string | null;
  actor_label: string;
  action: string;
  target_type: string;
  target_id: string;
  data: unknown;
  created_at: string;
};

/** Moves the org's unsealed events (the demo's) into vol_e too, then seals everything after the current head. Runs inside the seed's transaction. */
export async function sealStagedAuditEvents(client: pg.Client, orgId: string): Promise<number> {
  await client.query(`SELECT pg_advisory_lock(${0x0a0d17}, hashtext($1))`, [orgId]);
  try {
    // Unsealed events may not be deleted (the append-only trigger): this seed, on its own fresh
    // database and inside the seed's one transaction, switches the trigger off to move them.
    await client.query("ALTER TABLE audit_events DISABLE TRIGGER audit_events_append_only");
    await client.query(
      `WITH moved AS (DELETE FROM audit_events WHERE org_id = $1 AND seq IS NULL RETURNING id, org_id, actor_type, actor_id, actor_label, action, target_type, target_id, data, created_at)
       INSERT INTO vol_e SELECT * FROM moved`,
      [orgId],
    );
    await client.query("ALTER TABLE audit_events ENABLE TRIGGER audit_events_append_only");
    // Time-ordered ids like the app's (lib/db/ids.ts), so each event lands in its month's partition.
    await client.query(
      `CREATE TEMP TABLE vol_eo AS SELECT row_number() OVER (ORDER BY created_at, id) AS ord,
         CASE WHEN id LIKE 'evt\\_u%' THEN id ELSE aegis_id_floor('evt', created_at AT TIME ZONE 'UTC') || substr(md5(id), 1, 14) END AS id,
         org_id, actor_type, actor_id, actor_label, action, target_type, target_id, data, created_at
       FROM vol_e`,
    );
    // Made in this transaction, so TRUNCATE frees its files at once (not at COMMIT, as DROP
    // would): at ten million intents the staged events are 25 GB the index rebuild needs.
    await client.query("TRUNCATE vol_e");
    await client.query(`CREATE INDEX ON vol_eo (ord)`);
    await client.query(`CREATE TEMP TABLE vol_h (ord bigint PRIMARY KEY, seq bigint, prev_hash text, hash text)`);
    const head = await client.query<{ seq: string; hash: string }>(
      `SELECT seq::text, hash FROM audit_events WHERE org_id = $1 AND seq IS NOT NULL ORDER BY seq DESC LIMIT 1`,
      [orgId],
    );
    let seq = BigInt(head.rows[0]?.seq ?? 0);
    let prev = head.rows[0]?.hash ?? GENESIS_HASH;
    let done = 0;
    for (let from = 0; ; from += BATCH) {
      const { rows } = await client.query<Staged>(
        `SELECT ord::text, id, org_id, actor_type, actor_id, actor_label, action, target_type, target_id, data,
           to_char(created_at, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS created_at
         FROM vol_eo WHERE ord > $1 AND ord <= $2 ORDER BY ord`,
        [from, from + BATCH],
      );
      if (rows.length === 0) break;
      const cols: [string[], string[], string[], string[]] = [[], [], [], []];
      for (const r of rows) {
        seq += 1n;
        const hash = hashAuditEvent(
          {
            id: r.id,
            orgId: r.org_id,
            actorType: r.actor_type,
            actorId: r.actor_id,
            actorLabel: r.actor_label,
            action: r.action,
            targetType: r.target_type,
            targetId: r.target_id,
            data: r.data,
            createdAt: new Date(r.created_at),
          },
          seq,
          prev,
        );
        cols[0].push(r.ord);
        cols[1].push(seq.toString());
        cols[2].push(prev);
        cols[3].push(hash);
        prev = hash;
      }
      await client.query(`INSERT INTO vol_h SELECT * FROM unnest($1::bigint[], $2::bigint[], $3::text[], $4::text[])`, cols);
      done += rows.length;
    }
    // The seqs were just given out one by one under the organisation's lock, on the seed's own
    // database: the per-row uniqueness trigger is switched off for this one bulk insert (22 million
    // rows at ten million intents) and the uniqueness is checked once afterwards instead.
    await client.query("ALTER TABLE audit_events DISABLE TRIGGER audit_events_seq_unique");
    await client.query(
      `INSERT INTO audit_events (id, org_id, actor_type, actor_id, actor_label, action, target_type, target_id, data, created_at, seq, prev_hash, hash)
       SELECT e.id, e.org_id, e.actor_type, e.actor_id, e.actor_label, e.action, e.target_type, e.target_id, e.data, e.created_at, h.seq, h.prev_hash, h.hash
       FROM vol_eo e JOIN vol_h h ON h.ord = e.ord`,
    );
    await client.query("TRUNCATE vol_eo, vol_h"); // see the TRUNCATE of vol_e above
    await client.query("ALTER TABLE audit_events ENABLE TRIGGER audit_events_seq_unique");
    const twice = await client.query(`SELECT seq FROM audit_events WHERE org_id = $1 AND seq IS NOT NULL GROUP BY seq HAVING count(*) > 1 LIMIT 1`, [orgId]);
    if (twice.rowCount) throw new Error(`audit seq ${twice.rows[0].seq} given twice`);
    return done;
  } finally {
    await client.query(`SELECT pg_advisory_unlock(${0x0a0d17}, hashtext($1))`, [orgId]);
  }
}
