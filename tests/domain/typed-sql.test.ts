import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "kysely";
import type { Db } from "@/lib/db/client";
import { runSql, sqlBuilder, sqlOf, sqlTransaction } from "@/lib/db/sql";
import { createTestDb } from "./support/test-db";
import { seedOrg } from "./support/seed";

let db: Db;
let close: () => Promise<void>;
beforeAll(async () => ({ db, close } = await createTestDb()), 120_000);
afterAll(() => close());

describe("the typed SQL layer (PGlite)", () => {
  it("reads int8 as numbers and timestamps as UTC, as the generated types say", async () => {
    const { agent } = await seedOrg(db, {});
    const wallet = await sqlOf(db).selectFrom("wallets").select(["balance", "held", "created_at"]).where("agent_id", "=", agent.id).executeTakeFirstOrThrow();
    expect(wallet.balance).toBe(100_000_000);
    expect(wallet.held).toBe(0);
    const prisma = await db.wallet.findFirstOrThrow({ where: { agentId: agent.id } });
    expect(wallet.created_at.toISOString()).toBe(prisma.createdAt.toISOString());
    const { rows } = await sql<{ big: number }>`SELECT ${Number.MAX_SAFE_INTEGER}::bigint AS big`.execute(sqlOf(db));
    expect(rows[0].big).toBe(Number.MAX_SAFE_INTEGER);
  });

  it("refuses an int8 a JavaScript number cannot hold rather than rounding it", async () => {
    await expect(sql`SELECT 9007199254740993::bigint AS n`.execute(sqlOf(db))).rejects.toThrow(/does not fit/);
  });

  it("writes a Date as the instant it is, read back the same by Prisma", async () => {
    const { agent } = await seedOrg(db, {});
    const at = new Date("2026-03-29T01:30:00.123Z");
    await sqlOf(db).updateTable("agents").set({ frozen_at: at }).where("id", "=", agent.id).execute();
    const back = await db.agent.findUniqueOrThrow({ where: { id: agent.id } });
    expect(back.frozenAt?.toISOString()).toBe(at.toISOString());
  });

  it("rolls a transaction back when its work throws, and commits it otherwise", async () => {
    const { agent } = await seedOrg(db, {});
    const setName = (tx: Parameters<Parameters<typeof sqlTransaction>[1]>[0], name: string) =>
      tx.updateTable("agents").set({ name }).where("id", "=", agent.id).execute();
    await expect(
      sqlTransaction(db, async (tx) => {
        await setName(tx, "Rolled back");
        throw new Error("boom");
      }),
    ).rejects.toThrow("boom");
    expect((await db.agent.findUniqueOrThrow({ where: { id: agent.id } })).name).toBe("Bot");
    await sqlTransaction(db, (tx) => setName(tx, "Committed"));
    expect((await db.agent.findUniqueOrThrow({ where: { id: agent.id } })).name).toBe("Committed");
  });

  it("a failed statement aborts the transaction: nothing before it commits", async () => {
    const { agent } = await seedOrg(db, {});
    await expect(
      sqlTransaction(db, async (tx) => {
        await tx.updateTable("agents").set({ name: "Half" }).where("id", "=", agent.id).execute();
        await sql`SELECT 1 / 0`.execute(tx);
      }),
    ).rejects.toThrow(/division by zero/);
    expect((await db.agent.findUniqueOrThrow({ where: { id: agent.id } })).name).toBe("Bot");
  });

  it("a typed transaction and a Prisma one on the same PGlite take turns, never interleave", async () => {
    const { agent } = await seedOrg(db, {});
    const order: string[] = [];
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const typed = sqlTransaction(db, async (tx) => {
      order.push("typed:start");
      await tx.updateTable("agents").set({ name: "typed" }).where("id", "=", agent.id).execute();
      await gate;
      order.push("typed:end");
    });
    const prisma = (async () => {
      await Promise.resolve();
      await db.$transaction(async (tx) => {
        order.push("prisma:start");
        await tx.agent.update({ where: { id: agent.id }, data: { name: "prisma" } });
        order.push("prisma:end");
      });
    })();
    setImmediate(release);
    await Promise.all([typed, prisma]);
    expect(order).toEqual(["typed:start", "typed:end", "prisma:start", "prisma:end"]);
    expect((await db.agent.findUniqueOrThrow({ where: { id: agent.id } })).name).toBe("prisma");
  });

  it("runSql runs one built statement in a typed transaction or a Prisma one alike", async () => {
    const { agent } = await seedOrg(db, {});
    const rename = (name: string) => sqlBuilder.updateTable("agents").set({ name }).where("id", "=", agent.id);
    expect(await sqlTransaction(db, (tx) => runSql(tx, rename("via typed")))).toBe(1);
    expect((await db.agent.findUniqueOrThrow({ where: { id: agent.id } })).name).toBe("via typed");
    expect(await db.$transaction((tx) => runSql(tx, rename("via prisma")))).toBe(1);
    expect((await db.agent.findUniqueOrThrow({ where: { id: agent.id } })).name).toBe("via prisma");
  });
});
