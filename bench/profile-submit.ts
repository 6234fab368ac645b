// `npx tsx bench/profile-submit.ts`: a CPU profile of the app server taking approved submits
// on PostgreSQL (closed loop, c=4, 8 agents, 15 s), and the functions with the most self time.
// AEGIS_BENCH_PROFILE_DB=pglite profiles the embedded database instead (it runs in the server's process).
// The server is profiled through the inspector (bench/cpu-profile-preload.mjs, written on SIGUSR2); the .cpuprofile
// files stay in the printed folder for Chrome DevTools / speedscope.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { appEnv, freePort, startApp } from "./app-server";
import { closedLoop } from "./http-load";
import { createBenchAgents, demoCredentials } from "./setup-data";
import { log } from "./stats";

type Node = { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; hitCount: number };
type Profile = { nodes: Node[]; startTime: number; endTime: number };

const ADMIN = process.env.AEGIS_BENCH_PG_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

function topSelf(file: string, n = 30): string[] {
  const p = JSON.parse(fs.readFileSync(file, "utf8")) as Profile;
  const total = p.nodes.reduce((s, x) => s + x.hitCount, 0);
  const by = new Map<string, number>();
  const byArea = new Map<string, number>();
  for (const x of p.nodes) {
    const url = x.callFrame.url.replace(/^.*node_modules\//, "").replace(/^file:\/\/.*\.next\//, ".next/");
    const k = `${x.callFrame.functionName || "(anonymous)"} ${url}:${x.callFrame.lineNumber}`;
    by.set(k, (by.get(k) ?? 0) + x.hitCount);
    const area =
      x.callFrame.url === ""
        ? x.callFrame.functionName
        : x.callFrame.url.startsWith("wasm://")
          ? "WebAssembly (PGlite's PostgreSQL)"
          : (/node_modules\/(@[^/]+\/[^/]+|[^/]+)/.exec(x.callFrame.url)?.[1] ??
            (x.callFrame.url.includes(".next/") ? "app code (.next)" : x.callFrame.url.startsWith("node:") ? "node internals" : "other"));
    byArea.set(area, (byArea.get(area) ?? 0) + x.hitCount);
  }
  const pct = (v: number) => `${((100 * v) / total).toFixed(1)} %`;
  return [
    `${path.basename(file)}: ${total} samples over ${((p.endTime - p.startTime) / 1e6).toFixed(1)} s`,
    "by package:",
    ...[...byArea]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 15)
      .map(([k, v]) => `  ${pct(v).padStart(7)}  ${k}`),
    "by function (self):",
    ...[...by]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([k, v]) => `  ${pct(v).padStart(7)}  ${k}`),
  ];
}

async function main() {
  const kind = process.env.AEGIS_BENCH_PROFILE_DB === "pglite" ? "pglite" : "postgresql";
  const name = `aegis_bench_prof_${Date.now()}`;
  const admin = new pg.Client({ connectionString: ADMIN });
  const url = new URL(ADMIN);
  url.pathname = `/${name}`;
  if (kind === "postgresql") {
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "aegis-bench-prof-"));
  const profDir = path.join(dataDir, "profiles");
  try {
    const env = appEnv(dataDir, await freePort(), kind === "postgresql" ? url.toString() : undefined);
    // Node refuses --cpu-prof in NODE_OPTIONS; the preload profiles through the inspector instead.
    env.NODE_OPTIONS = [env.NODE_OPTIONS, `--import ${path.join(import.meta.dirname, "cpu-profile-preload.mjs")}`].filter(Boolean).join(" ");
    env.AEGIS_BENCH_PROFILE_DIR = profDir;
    const app = await startApp(env, "profile");
    const data = await createBenchAgents(app, await demoCredentials(app, kind), 8);
    const keys = data.agents.map((a) => a.key);
    await closedLoop(app.baseUrl, keys, 4, 3);
    await closedLoop(app.baseUrl, keys, 4, Number(process.env.AEGIS_BENCH_PROFILE_SECONDS ?? 15));
    process.kill(-app.child.pid!, "SIGUSR2"); // every process of the server writes its profile
    await new Promise((r) => setTimeout(r, 3_000));
    await app.stop();
    const files = fs.readdirSync(profDir).map((f) => path.join(profDir, f));
    // The biggest profile is the server's (start.mjs's own is nearly empty).
    const server = files.sort((a, b) => fs.statSync(b).size - fs.statSync(a).size)[0];
    for (const line of topSelf(server)) console.log(line);
    log(`profiles kept in ${profDir}`);
  } finally {
    if (kind === "postgresql") {
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
