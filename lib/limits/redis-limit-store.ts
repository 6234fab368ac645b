import crypto from "node:crypto";
import type { Redis } from "ioredis";
import { MAX_EVENTS, windowStart, type LimitStore } from "./limit-store";

/*
 * Each operation is one Lua script or command: Redis runs a script alone, so the check and
 * the write cannot interleave with another instance's. Keys expire by themselves.
 */
const TAKE = `
local c = tonumber(redis.call('GET', KEYS[1]) or '0')
local g = math.min(tonumber(ARGV[2]), tonumber(ARGV[1]) - c)
if g <= 0 then return 0 end
redis.call('INCRBY', KEYS[1], g)
if c == 0 then redis.call('PEXPIRE', KEYS[1], ARGV[3]) end
return g`;

const ACQUIRE = `
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[3])
if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[4]) then return 0 end
redis.call('ZADD', KEYS[1], ARGV[2], ARGV[1])
if redis.call('PTTL', KEYS[1]) < tonumber(ARGV[5]) then redis.call('PEXPIRE', KEYS[1], ARGV[5]) end
return 1`;

const ADD_EVENT = `
redis.call('ZADD', KEYS[1], ARGV[1], ARGV[2])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[3])
redis.call('PEXPIRE', KEYS[1], ARGV[4])
return 1`;

type Scripts = {
  aegisTake(key: string, limit: number, want: number, ttlMs: number): Promise<number>;
  aegisAcquire(key: string, lease: string, until: number, now: number, cap: number, ttlMs: number): Promise<number>;
  aegisAddEvent(key: string, at: number, member: string, olderThan: number, ttlMs: number): Promise<number>;
};

export class RedisLimitStore implements LimitStore {
  readonly kind = "redis";
  private readonly redis: Redis & Scripts;

  /** `prefix` keeps one deployment's (or one test run's) keys apart from another's on a shared Redis. */
  constructor(
    redis: Redis,
    private readonly prefix = "aegis:limits:",
  ) {
    redis.defineCommand("aegisTake", { numberOfKeys: 1, lua: TAKE });
    redis.defineCommand("aegisAcquire", { numberOfKeys: 1, lua: ACQUIRE });
    redis.defineCommand("aegisAddEvent", { numberOfKeys: 1, lua: ADD_EVENT });
    this.redis = redis as Redis & Scripts;
  }

  async take(key: string, limit: number, windowMs: number, now: number, want: number): Promise<number> {
    const start = windowStart(now, windowMs);
    // The window's key lives a little past its end, so clocks a little apart still agree on it.
    return this.redis.aegisTake(`${this.prefix}take:${key}:${start}`, limit, want, start + 2 * windowMs - now);
  }

  async acquireSlot(key: string, cap: number, ttlMs: number, now: number): Promise<string | null> {
    const lease = crypto.randomUUID();
    const ok = await this.redis.aegisAcquire(`${this.prefix}slots:${key}`, lease, now + ttlMs, now, cap, ttlMs);
    return ok === 1 ? lease : null;
  }

  async releaseSlot(key: string, lease: string): Promise<void> {
    await this.redis.zrem(`${this.prefix}slots:${key}`, lease);
  }

  async addEvent(key: string, windowMs: number, now: number): Promise<void> {
    await this.redis.aegisAddEvent(`${this.prefix}events:${key}`, now, `${now}:${crypto.randomUUID()}`, now - windowMs, windowMs);
  }

  async recentEvents(key: string, windowMs: number, now: number): Promise<number[]> {
    const flat = await this.redis.zrangebyscore(`${this.prefix}events:${key}`, `(${now - windowMs}`, "+inf", "WITHSCORES");
    const times: number[] = [];
    for (let i = 1; i < flat.length; i += 2) times.push(Number(flat[i]));
    return times.slice(-MAX_EVENTS);
  }

  async clearEvents(key: string): Promise<void> {
    await this.redis.del(`${this.prefix}events:${key}`);
  }

  async sweep(): Promise<void> {
    /* every key carries its own expiry */
  }
}
