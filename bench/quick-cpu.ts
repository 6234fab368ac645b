// `npx tsx bench/quick-cpu.ts [postgresql|pglite]`: a quick look at the app server's CPU per
// approved submit and per health check at c=4 (the figure the full bench splits), for comparing
// a change before and after on a busy machine without the whole `npm run bench`.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { appEnv, freePort, groupCpuSeconds, startApp } from "./app-server";
import { closedLoop, healthLoop } from "./http-load";
import { createBenchAgents, demoCredentials } from "./setup-data";
import { log } from "./stats";

const ADMIN = process.env.AEGIS_BENCH_PG_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

async function main() {
  const kind = (process.argv[2] ?? "postgresql") as "postgresql" | "pglite";
  const seconds = Number(process.env.AEGIS_BENCH_SECONDS ?? 10);
  const name = `aegis_bench_quick_${Date.now()}`;
  const admin = kind === "postgresql" ? new pg.Client({ connectionString: ADMIN }) : null;
  let url: string | undefined;
  if (admin) {
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    const u = new URL(ADMIN);
    u.pathname = `/${name}`;
    url = u.toString();
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "aegis-bench-quick-"));
  const app = await startApp(appEnv(dataDir, await freePort(), url), "quick");
  try {
    const data = await createBenchAgents(app, await demoCredentials(app, kind), 8);
    const keys = data.agents.map((a) => a.key);
    await healthLoop(app.baseUrl, 4, 2);
    await closedLoop(app.baseUrl, keys, 4, 3);
    const cpu = async (what: string, run: () => Promise<{ ok: number; perSecond: number }>) => {
      const c0 = groupCpuSeconds(app.child.pid);
      const r = await run();
      const ms = ((groupCpuSeconds(app.child.pid) - c0) * 1000) / Math.max(1, r.ok);
      log(`${kind} ${what}: ${r.perSecond.toFixed(0)}/s, server CPU ${ms.toFixed(2)} ms each (load ${os.loadavg()[0].toFixed(1)})`);
    };
    await cpu("health c=4", () => healthLoop(app.baseUrl, 4, seconds));
    await cpu("submit c=4", () => closedLoop(app.baseUrl, keys, 4, seconds));
    await cpu("submit c=1", () => closedLoop(app.baseUrl, keys, 1, seconds));
  } finally {
    await app.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
    if (admin) {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    }
  }
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
