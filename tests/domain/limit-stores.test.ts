import crypto from "node:crypto";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe } from "vitest";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { RedisLimitStore } from "@/lib/limits/redis-limit-store";
import { SqlLimitStore } from "@/lib/limits/sql-limit-store";
import { limitStoreContract } from "../unit/support/limit-store-contract";
import { createTestDb } from "./support/test-db";

/**
 * The shared limit stores on real servers: the SQL store on PGlite (the migrations' tables;
 * the same statements run on PostgreSQL in tests/integration/shared-limits.postgres.test.ts)
 * and the Redis store on the Redis every machine of ours runs (127.0.0.1:6379, or
 * TEST_REDIS_URL). A Redis that does not answer fails this file: it is never skipped.
 */
let db: PrismaClient;
let close: () => Promise<void>;
beforeAll(async () => {
  ({ db, close } = await createTestDb());
}, 120_000);
afterAll(async () => {
  await close();
});

describe("SqlLimitStore on PGlite", () =>
  limitStoreContract(() => new SqlLimitStore((text, params) => db.$queryRawUnsafe<Record<string, unknown>[]>(text, ...params))));

const redis = new Redis(process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379", { lazyConnect: true, maxRetriesPerRequest: 1 });
const prefix = `aegis-test:${crypto.randomUUID()}:`;
beforeAll(async () => {
  await redis.connect();
});
afterAll(async () => {
  const keys = await redis.keys(`${prefix}*`);
  if (keys.length) await redis.del(...keys);
  redis.disconnect();
});

describe("RedisLimitStore on Redis", () => limitStoreContract(() => new RedisLimitStore(redis, prefix)));
