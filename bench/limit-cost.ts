// What one shared-limit check costs (the API's rate limit runs one per request): CPU of this
// process per `hit` (driver and store code, what the app server pays), wall time per hit, and
// the CPU the store's own server used, for memory, PGlite, PostgreSQL and Redis.
// Usage: npx tsx bench/limit-cost.ts [hits=5000]. Needs PostgreSQL at AEGIS_BENCH_PG_URL (or
// 127.0.0.1:5432) and Redis at AEGIS_BENCH_REDIS_URL (or 127.0.0.1:6379); the server-side CPU is
// read from /proc for every postgres / redis-server process, so other work on the machine shows in it.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { Redis } from "ioredis";
import pg from "pg";
import { checkRateLimit } from "@/lib/api/rate-limit";
import type { LimitStore } from "@/lib/limits/limit-store";
import { MemoryLimitStore } from "@/lib/limits/memory-limit-store";
import { RedisLimitStore } from "@/lib/limits/redis-limit-store";
import { SqlLimitStore } from "@/lib/limits/sql-limit-store";
import { commandCpuSeconds } from "./app-server";

const HITS = Number(process.argv[2] ?? 5000);
const PG_ADMIN_URL = process.env.AEGIS_BENCH_PG_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const REDIS_URL = process.env.AEGIS_BENCH_REDIS_URL ?? "redis://127.0.0.1:6379";
const migration = fs.readFileSync(
  path.join(
    import.meta.dirname,
    "../prisma/migrations",
    fs.readdirSync(path.join(import.meta.dirname, "../prisma/migrations")).find((d) => d.endsWith("_shared_limits"))!,
    "migration.sql",
  ),
  "utf8",
);

/** One store round trip per request (`take` of 1), or the API's check (`checkRateLimit`: batches of 12 at the default 600/min). */
type Mode = "take" | "check";

async function measure(name: string, store: LimitStore, serverComm: string | null, concurrency: number, mode: Mode) {
  const once = (k: string) => (mode === "take" ? store.take(k, 1e9, 60_000, Date.now(), 1) : checkRateLimit(k, 600, Date.now(), store));
  const keys = Array.from({ length: 50 }, () => `bench:${crypto.randomUUID()}`); // 50 keys, as 50 API keys would be
  for (const k of keys) await store.take(k, 1e9, 60_000, Date.now(), 1); // warm: rows exist, statements prepared
  const server0 = serverComm ? commandCpuSeconds(serverComm) : NaN;
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < HITS) await once(keys[next++ % keys.length]!);
    }),
  );
  const wallMs = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  const server = serverComm ? commandCpuSeconds(serverComm) - server0 : NaN;
  const perHit = (us: number) => `${(us / HITS).toFixed(1)} µs`;
  console.log(
    `${mode.padEnd(5)} ${name.padEnd(11)} c=${String(concurrency).padEnd(2)} app CPU/hit ${perHit(cpu.user + cpu.system).padStart(9)}  wall/hit ${perHit(wallMs * 1000 * concurrency).padStart(9)}` +
      `  ${Math.round((HITS / wallMs) * 1000)}/s` +
      (serverComm ? `  ${serverComm} CPU/hit ${perHit(server * 1e6).padStart(9)}` : ""),
  );
}

const memory = new MemoryLimitStore();
const lite = new PGlite();
await lite.exec(migration);
const pgLite = new SqlLimitStore(async (text, params) => (await lite.query<Record<string, unknown>>(text, params)).rows);

const dbName = `aegis_limit_bench_${Date.now()}`;
const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
await admin.connect();
await admin.query(`CREATE DATABASE ${dbName}`);
const pool = new pg.Pool({ connectionString: PG_ADMIN_URL.replace(/\/[^/]*$/, `/${dbName}`), max: 10 });
await pool.query(migration);
const names = new Map<string, string>();
const postgres = new SqlLimitStore(async (text, values) => {
  let name = names.get(text);
  if (!name) names.set(text, (name = `aegis_limits_${names.size}`));
  return (await pool.query({ name, text, values })).rows;
});
const redis = new Redis(REDIS_URL);
const prefix = `aegis-bench:${crypto.randomUUID()}:`;

try {
  console.log(
    `[limit-cost] ${HITS} hits per row, 50 keys; load average ${(await import("node:os"))
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(" ")}`,
  );
  for (const mode of ["take", "check"] as const)
    for (const c of [1, 8]) {
      await measure("memory", memory, null, c, mode);
      await measure("PGlite", pgLite, null, c, mode);
      await measure("PostgreSQL", postgres, "postgres", c, mode);
      await measure("Redis", new RedisLimitStore(redis, prefix), "redis-server", c, mode);
    }
} finally {
  const keys = await redis.keys(`${prefix}*`);
  if (keys.length) await redis.del(...keys);
  redis.disconnect();
  pool.on("error", () => {}); // the drop below ends its idle connections
  await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
  await admin.end();
  await lite.close();
}
