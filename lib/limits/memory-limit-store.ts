import crypto from "node:crypto";
import { MAX_EVENTS, windowStart, type LimitStore } from "./limit-store";

type State = { counters: Map<string, { start: number; until: number; count: number }>; slots: Map<string, Map<string, number>>; events: Map<string, number[]> };

/**
 * Limits in this process's memory: exact within one process, blind to the others. Used when
 * the shared store fails (a limit per instance beats none) and by unit tests.
 */
export class MemoryLimitStore implements LimitStore {
  readonly kind = "memory";
  private readonly s: State = { counters: new Map(), slots: new Map(), events: new Map() };

  async take(key: string, limit: number, windowMs: number, now: number, want: number): Promise<number> {
    const start = windowStart(now, windowMs);
    let c = this.s.counters.get(key);
    if (!c || c.start !== start) {
      c = { start, until: start + windowMs, count: 0 };
      this.s.counters.set(key, c);
      if (this.s.counters.size > 10_000) await this.sweep(now);
    }
    const granted = Math.max(0, Math.min(want, limit - c.count));
    c.count += granted;
    return granted;
  }

  async acquireSlot(key: string, cap: number, ttlMs: number, now: number): Promise<string | null> {
    const leases = this.s.slots.get(key) ?? new Map<string, number>();
    for (const [id, until] of leases) if (until <= now) leases.delete(id);
    if (leases.size >= cap) return null;
    const lease = crypto.randomUUID();
    leases.set(lease, now + ttlMs);
    this.s.slots.set(key, leases);
    return lease;
  }

  async releaseSlot(key: string, lease: string): Promise<void> {
    const leases = this.s.slots.get(key);
    leases?.delete(lease);
    if (leases?.size === 0) this.s.slots.delete(key);
  }

  async addEvent(key: string, windowMs: number, now: number): Promise<void> {
    const times = (this.s.events.get(key) ?? []).filter((t) => now - t < windowMs);
    this.s.events.set(key, [...times, now].slice(-MAX_EVENTS));
    if (this.s.events.size > 10_000) await this.sweep(now);
  }

  async recentEvents(key: string, windowMs: number, now: number): Promise<number[]> {
    return (this.s.events.get(key) ?? []).filter((t) => now - t < windowMs);
  }

  async clearEvents(key: string): Promise<void> {
    this.s.events.delete(key);
  }

  /** Forgets counters of past windows, drained slots, and event lists older than a day (longer than any window used). */
  async sweep(now: number): Promise<void> {
    for (const [k, c] of this.s.counters) if (c.until <= now) this.s.counters.delete(k);
    for (const [k, leases] of this.s.slots) if ([...leases.values()].every((until) => until <= now)) this.s.slots.delete(k);
    for (const [k, times] of this.s.events) if (times.every((t) => now - t > 24 * 60 * 60_000)) this.s.events.delete(k);
  }
}
