import { describe, expect, it } from "vitest";
import { diffMigrationsToSchema } from "../../scripts/schema-diff";

describe("prisma/migrations", () => {
  it("produce exactly the database that schema.prisma describes", async () => {
    // Prisma's schema engine replays the migrations on an in-memory PGlite and diffs
    // the result against schema.prisma: any drift shows up as SQL here.
    expect(await diffMigrationsToSchema()).toBe("");
  }, 60_000);
});
