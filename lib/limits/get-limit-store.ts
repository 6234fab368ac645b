import { databaseKind } from "@/lib/db/config";
import { getPGlite, getPool } from "@/lib/db/raw-sql";
import { env } from "@/lib/env";
import type { LimitStore } from "./limit-store";
import { MemoryLimitStore } from "./memory-limit-store";
import type { SqlRunner } from "./sql-limit-store";

type Holder = { __aegisLimitStore?: { source: string; store: LimitStore } };
const holder = globalThis as Holder;

/**
 * The process's limit store: Redis where REDIS_URL is set, else the database the app runs on.
 * If the shared store fails (Redis down, the pool exhausted), each call falls back to this
 * process's memory and says so in the log once a minute: limits then hold per instance, as
 * they did before they were shared, instead of failing every request.
 */
export function limitStore(): LimitStore {
  const source = env().REDIS_URL ?? `db:${databaseKind()}`;
  if (holder.__aegisLimitStore?.source !== source)
    holder.__aegisLimitStore = { source, store: new FallbackLimitStore(openShared(source), source.startsWith("db:") ? "database" : "redis") };
  return holder.__aegisLimitStore.store;
}

function openShared(source: string): () => Promise<LimitStore> {
  let opened: Promise<LimitStore> | undefined;
  return () => (opened ??= source.startsWith("db:") ? openDatabase() : openRedis(source));
}

async function openDatabase(): Promise<LimitStore> {
  // The limit tables exist once start-up has migrated (a request can arrive before that).
  const [{ SqlLimitStore }, { ensureServerReady }] = await Promise.all([import("./sql-limit-store"), import("@/lib/server/ensure-server-ready")]);
  await ensureServerReady();
  let run: SqlRunner;
  if (databaseKind() === "pglite") {
    const pg = await getPGlite();
    run = async (text, params) => (await pg.query<Record<string, unknown>>(text, params)).rows;
  } else {
    const pool = await getPool();
    // Named statements: each pooled connection parses and plans them once.
    const names = new Map<string, string>();
    run = async (text, values) => {
      let name = names.get(text);
      if (!name) names.set(text, (name = `aegis_limits_${names.size}`));
      return (await pool.query({ name, text, values })).rows;
    };
  }
  return new SqlLimitStore(run);
}

async function openRedis(url: string): Promise<LimitStore> {
  const [{ Redis }, { RedisLimitStore }] = await Promise.all([import("ioredis"), import("./redis-limit-store")]);
  // No offline queue: while Redis is unreachable a call fails at once and falls back, instead of waiting.
  const redis = new Redis(url, { lazyConnect: true, enableOfflineQueue: false, maxRetriesPerRequest: 1, connectTimeout: 2_000, commandTimeout: 1_000 });
  redis.on("error", () => {}); // reported by the fallback; ioredis reconnects by itself
  await redis.connect().catch(() => {});
  return new RedisLimitStore(redis, env().AEGIS_REDIS_KEY_PREFIX);
}

const MEMORY_LEASE = "mem:";

export class FallbackLimitStore implements LimitStore {
  private readonly memory = new MemoryLimitStore();
  private warnedAt = 0;

  constructor(
    private readonly shared: () => Promise<LimitStore>,
    readonly kind: LimitStore["kind"],
  ) {}

  private async use<T>(op: (s: LimitStore) => Promise<T>, onMemory: (s: LimitStore) => Promise<T> = op): Promise<T> {
    try {
      return await op(await this.shared());
    } catch (e) {
      if (Date.now() - this.warnedAt > 60_000) {
        this.warnedAt = Date.now();
        console.warn(`[limits] the shared limit store failed (${(e as Error).message}); limits hold per instance until it is back`);
      }
      return onMemory(this.memory);
    }
  }

  take(key: string, limit: number, windowMs: number, now: number, want: number): Promise<number> {
    return this.use((s) => s.take(key, limit, windowMs, now, want));
  }
  acquireSlot(key: string, cap: number, ttlMs: number, now: number): Promise<string | null> {
    return this.use(
      (s) => s.acquireSlot(key, cap, ttlMs, now),
      async (m) => {
        const lease = await m.acquireSlot(key, cap, ttlMs, now);
        return lease && MEMORY_LEASE + lease;
      },
    );
  }
  releaseSlot(key: string, lease: string): Promise<void> {
    if (lease.startsWith(MEMORY_LEASE)) return this.memory.releaseSlot(key, lease.slice(MEMORY_LEASE.length));
    return this.use((s) => s.releaseSlot(key, lease));
  }
  addEvent(key: string, windowMs: number, now: number): Promise<void> {
    return this.use((s) => s.addEvent(key, windowMs, now));
  }
  recentEvents(key: string, windowMs: number, now: number): Promise<number[]> {
    return this.use((s) => s.recentEvents(key, windowMs, now));
  }
  clearEvents(key: string): Promise<void> {
    return this.use((s) => s.clearEvents(key));
  }
  async sweep(now: number): Promise<void> {
    await this.memory.sweep(now);
    await (await this.shared()).sweep(now);
  }
}
