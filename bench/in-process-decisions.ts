// `tsx bench/in-process-decisions.ts` (run by bench/db-run.ts with the app stopped, on the same
// database): the approve path without HTTP or Next.js. It calls submitIntent, the function the
// API's POST /api/v1/intents calls, in this process over 8 agents whose overrides lift budgets
// and velocity, and prints submits/s and this process's CPU per submit at c=1 and c=4 as JSON on
// its last line. Beside the HTTP figures it splits a submit's server time into the decision
// (domain code, Prisma, the driver) and the request around it.
import type { AgentPrincipal } from "@/lib/auth/principal";
import { createAgent } from "@/lib/agents/create-agent";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { disconnectDb, getDb } from "@/lib/db/client";
import { migrate } from "@/lib/db/migrate";
import { closeRaw } from "@/lib/db/raw-sql";
import { SubmitIntentSchema } from "@/lib/intents/intent-schemas";
import { submitIntent } from "@/lib/intents/submit-intent";
import { createOrganization } from "@/lib/organizations/create-organization";
import { toPolicyDocument } from "@/lib/policies/engine";
import { getOrgPolicy } from "@/lib/policies/get-org-policy";
import { setOrgPolicy } from "@/lib/policies/set-org-policy";
import { BENCH_INTENT } from "./http-load";

export type InProcessRun = { concurrency: number; submits: number; perSecond: number; cpuMsPerSubmit: number };

const AGENTS = 8;

async function main(): Promise<InProcessRun[]> {
  await migrate();
  const db = await getDb();
  const org = await createOrganization(db, "system", { name: `In-process bench ${Date.now()}`, timeZone: "UTC", currency: "INR" });
  const agents: AgentPrincipal[] = [];
  for (let n = 0; n < AGENTS; n++) {
    const a = await createAgent(db, "system", { orgId: org.id, name: `in-process ${n}`, initialBalance: 1_000_000_000_000, currency: "INR" });
    const key = await createApiKey(db, "system", { orgId: org.id, kind: "agent", agentId: a.id });
    agents.push({ kind: "agent", orgId: org.id, agentId: a.id, keyId: key.id, label: `agent:${a.name}` });
  }
  const current = await getOrgPolicy(db, org.id);
  const doc = toPolicyDocument(current.policy);
  const lifted = { auto_approve_limit: 1_000_000, hard_limit: 10_000_000, daily_budget: null, monthly_budget: null, max_intents_per_hour: null };
  doc.agent_overrides = Object.fromEntries(agents.map((a) => [a.agentId, lifted]));
  await setOrgPolicy(db, "system", org.id, doc, current.version);

  const input = SubmitIntentSchema.parse(BENCH_INTENT);
  let next = 0;
  const run = async (concurrency: number, submits: number): Promise<InProcessRun> => {
    let started = 0;
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (started < submits) {
          started++;
          const { intent } = await submitIntent(db, agents[next++ % AGENTS], input, null);
          if (intent.status !== "approved") throw new Error(`expected an approval, got ${intent.status}`);
        }
      }),
    );
    const seconds = (performance.now() - t0) / 1000;
    const cpu = process.cpuUsage(cpu0);
    return { concurrency, submits, perSecond: submits / seconds, cpuMsPerSubmit: (cpu.user + cpu.system) / 1000 / submits };
  };
  await run(4, 200); // warm-up: JIT, caches, connections
  return [await run(1, 500), await run(4, 2000)];
}

main().then(
  async (runs) => {
    await disconnectDb();
    await closeRaw();
    console.log(JSON.stringify(runs));
    process.exit(0);
  },
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
