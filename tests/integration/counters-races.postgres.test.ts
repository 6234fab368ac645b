import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { inProcessPostgres } from "./support/database";
import { checkCounters } from "@/lib/counters/check-counters";
import { makeWorld, opArb, runOp } from "./support/counter-workload";
import { api } from "./support/http";
import { admin, intentBody } from "./support/factories";

// Concurrent random workloads on PostgreSQL: this process drives the domain verbs directly
// (several transactions at once) while the app server, another instance on the same
// database, answers HTTP submits for the same agents. Afterwards the counters must equal
// a recomputation from the intents.
const { onPostgres, db: client } = inProcessPostgres();

describe.runIf(onPostgres)("counters under concurrent races on PostgreSQL", () => {
  it("equal a recomputation after parallel random workloads from two instances", async () => {
    const db = client();
    let run = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom("UTC", "Asia/Kolkata"),
        fc.array(fc.array(opArb, { minLength: 1, maxLength: 12 }), { minLength: 3, maxLength: 5 }),
        async (tz, lanes) => {
          const world = await makeWorld(db, tz);
          run++;
          const keys = await Promise.all(world.agents.map((a) => admin<{ key: string }>(["key", "create"], { agent: a.agentId })));
          const overHttp = keys.flatMap((k, n) =>
            Array.from({ length: 4 }, (_, i) =>
              api(k.key, "POST", "/api/v1/intents", intentBody({ amount: [10_000, 400_000][i % 2], reason: `http ${n}.${i}` })),
            ),
          );
          const inProcess = lanes.map(async (ops, lane) => {
            for (const op of ops) await runOp(db, world, op, `pg${run}-${lane}`);
          });
          const results = await Promise.all([...overHttp, ...inProcess]);
          for (const r of results.slice(0, overHttp.length) as { status: number }[]) expect(r.status).toBe(201);
          expect(await checkCounters(db, world.orgId)).toEqual([]);
        },
      ),
      { numRuns: 6 },
    );
  }, 600_000);
});
