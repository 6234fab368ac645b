import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { bindSql, createSql } from "@/lib/db/sql";
import { pgliteExtensions } from "@/lib/db/pglite-extensions";

const MIGRATIONS = path.resolve(import.meta.dirname, "../../../prisma/migrations");

/**
 * A fresh in-memory PGlite with every migration applied, and a Prisma client on it: domain
 * verbs run in process, with no `next build` and no data folder. One per test file; tests
 * make their own organisation (see seed.ts) so they never share rows.
 */
export async function createTestDb(): Promise<{ db: PrismaClient; close: () => Promise<void> }> {
  const names = fs
    .readdirSync(MIGRATIONS, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
  if (names.length === 0) throw new Error(`no migrations in ${MIGRATIONS}`); // a missing input fails, never skips
  const pg = new PGlite({ extensions: await pgliteExtensions() });
  for (const name of names) await pg.exec(fs.readFileSync(path.join(MIGRATIONS, name, "migration.sql"), "utf8"));
  const db = new PrismaClient({ adapter: new PrismaPGlite(pg) });
  bindSql(db, createSql({ pglite: pg }));
  return {
    db,
    close: async () => {
      await db.$disconnect();
      await pg.close();
    },
  };
}
