import crypto from "node:crypto";
import { MAX_EVENTS, windowStart, type LimitStore } from "./limit-store";

/** One statement with positional parameters, answering its rows (a pg Pool's or PGlite's `query`). */
export type SqlRunner = (text: string, params: unknown[]) => Promise<Record<string, unknown>[]>;

/*
 * Each operation is one statement. The counter and the slots are single rows per key written
 * with INSERT … ON CONFLICT DO UPDATE … WHERE: PostgreSQL locks the existing row and checks the
 * WHERE against its latest committed version, so two instances racing for the last unit
 * serialise on that row and exactly one wins (a count-then-insert would let both through).
 * The tables are UNLOGGED (see the migration): no request waits for a WAL flush, and a
 * database crash forgets the counts, which only lifts limits for one window.
 */
// SET's right-hand sides read the row as it was, so `granted` is what this statement added.
const TAKE = `
  INSERT INTO limit_counters AS c (key, window_start, count, granted, expires_at) VALUES ($1, $2, LEAST($5::int, $4::int), LEAST($5::int, $4::int), $3)
  ON CONFLICT (key) DO UPDATE SET
    granted = CASE WHEN c.window_start = EXCLUDED.window_start THEN LEAST($5::int, $4::int - c.count) ELSE EXCLUDED.count END,
    count = CASE WHEN c.window_start = EXCLUDED.window_start THEN c.count + LEAST($5::int, $4::int - c.count) ELSE EXCLUDED.count END,
    window_start = EXCLUDED.window_start, expires_at = EXCLUDED.expires_at
  WHERE c.window_start <> EXCLUDED.window_start OR c.count < $4::int
  RETURNING granted`;

const LIVE_LEASES = `FROM jsonb_each(s.leases) AS e(id, until) WHERE (e.until)::bigint > $4`;
const ACQUIRE = `
  INSERT INTO limit_slots AS s (key, leases) VALUES ($1, jsonb_build_object($2::text, $3::bigint))
  ON CONFLICT (key) DO UPDATE SET
    leases = (SELECT COALESCE(jsonb_object_agg(e.id, e.until), '{}'::jsonb) ${LIVE_LEASES}) || EXCLUDED.leases
  WHERE (SELECT count(*) ${LIVE_LEASES}) < $5
  RETURNING key`;

export class SqlLimitStore implements LimitStore {
  readonly kind = "database";
  constructor(private readonly run: SqlRunner) {}

  async take(key: string, limit: number, windowMs: number, now: number, want: number): Promise<number> {
    const start = windowStart(now, windowMs);
    const rows = await this.run(TAKE, [key, start, start + windowMs, limit, want]);
    return rows.length ? Number(rows[0]!.granted) : 0;
  }

  async acquireSlot(key: string, cap: number, ttlMs: number, now: number): Promise<string | null> {
    const lease = crypto.randomUUID();
    const rows = await this.run(ACQUIRE, [key, lease, now + ttlMs, now, cap]);
    return rows.length ? lease : null;
  }

  async releaseSlot(key: string, lease: string): Promise<void> {
    await this.run(`UPDATE limit_slots SET leases = leases - $2::text WHERE key = $1`, [key, lease]);
  }

  async addEvent(key: string, windowMs: number, now: number): Promise<void> {
    await this.run(`INSERT INTO limit_events (key, at, expires_at) VALUES ($1, $2, $3)`, [key, now, now + windowMs]);
  }

  async recentEvents(key: string, windowMs: number, now: number): Promise<number[]> {
    const rows = await this.run(`SELECT at FROM limit_events WHERE key = $1 AND at > $2 ORDER BY at DESC LIMIT ${MAX_EVENTS}`, [key, now - windowMs]);
    return rows.map((r) => Number(r.at)).reverse();
  }

  async clearEvents(key: string): Promise<void> {
    await this.run(`DELETE FROM limit_events WHERE key = $1`, [key]);
  }

  async sweep(now: number): Promise<void> {
    await this.run(`DELETE FROM limit_counters WHERE expires_at <= $1`, [now]);
    // An acquire racing this delete either commits first (its live lease then fails the re-check) or inserts a new row after.
    await this.run(`DELETE FROM limit_slots s WHERE NOT EXISTS (SELECT 1 FROM jsonb_each(s.leases) AS e(id, until) WHERE (e.until)::bigint > $1)`, [now]);
    await this.run(`DELETE FROM limit_events WHERE expires_at <= $1`, [now]);
  }
}
