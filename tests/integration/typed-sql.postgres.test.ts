import { PrismaPg } from "@prisma/adapter-pg";
import { sql } from "kysely";
import { Pool } from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { bindSql, createSql, runSql, sqlBuilder, sqlOf, sqlTransaction } from "@/lib/db/sql";
import { createOrg, type TestOrg } from "./support/factories";

const onPostgres = inject("databaseKind") === "postgresql";

/** The typed layer's pg driver on the real server, over the pool it shares with Prisma (as lib/db/client.ts pairs them). */
describe.runIf(onPostgres)("the typed SQL layer on PostgreSQL", () => {
  let pool: Pool;
  let db: PrismaClient;
  let org: TestOrg;
  beforeAll(async () => {
    org = await createOrg();
    pool = new Pool({ connectionString: inject("databaseUrl"), max: 2 });
    db = new PrismaClient({ adapter: new PrismaPg(pool) });
    bindSql(db, createSql({ pool }));
  });
  afterAll(async () => {
    await db.$disconnect();
    await pool.end();
  });

  it("reads int8 as numbers, timestamps as UTC, and refuses an int8 past 2^53−1", async () => {
    const w = await sqlOf(db).selectFrom("wallets").select(["balance", "created_at"]).where("agent_id", "=", org.agent.id).executeTakeFirstOrThrow();
    const prisma = await db.wallet.findFirstOrThrow({ where: { agentId: org.agent.id } });
    expect(w.balance).toBe(Number(prisma.balance));
    expect(w.created_at.toISOString()).toBe(prisma.createdAt.toISOString());
    await expect(sql`SELECT 9007199254740993::bigint AS n`.execute(sqlOf(db))).rejects.toThrow(/does not fit/);
  });

  it("prepares a statement once per connection and reuses it", async () => {
    const read = () => sqlOf(db).selectFrom("agents").select("name").where("id", "=", org.agent.id).executeTakeFirstOrThrow();
    for (let n = 0; n < 4; n++) await read();
    const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM pg_prepared_statements WHERE name LIKE 'aegis_%'`.execute(sqlOf(db));
    expect(rows[0].n).toBeGreaterThan(0);
  });

  it("rolls back on a thrown error and on a failed statement; commits otherwise", async () => {
    const rename = (name: string) => sqlBuilder.updateTable("agents").set({ name }).where("id", "=", org.agent.id);
    const name = async () => (await db.agent.findUniqueOrThrow({ where: { id: org.agent.id } })).name;
    const before = await name();
    await expect(sqlTransaction(db, async (tx) => void (await runSql(tx, rename("x")), await sql`SELECT 1/0`.execute(tx)))).rejects.toThrow(/division/);
    expect(await name()).toBe(before);
    await sqlTransaction(db, (tx) => runSql(tx, rename("typed")));
    expect(await name()).toBe("typed");
    await db.$transaction((tx) => runSql(tx, rename(before)));
    expect(await name()).toBe(before);
  });
});
