// The page-time part of `npm run bench` (PostgreSQL only): seeds a volume database
// (bench/seed-volume.ts, 1,000,000 intents by default), starts the built app on it and times
// every dashboard page and list/get endpoint (bench/page-times.ts). Skip it with
// AEGIS_BENCH_VOLUME=0; AEGIS_BENCH_VOLUME_INTENTS changes the size.
// Standalone on an already seeded database: `npx tsx bench/volume-run.ts --database-url URL --data-dir DIR`.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { appEnv, freePort, startApp } from "./app-server";
import { measurePageTimes, renderPageTimes, type PageTime } from "./page-times";
import { seedVolume, type VolumeSeed } from "./seed-volume";
import { log } from "./stats";

const PG_ADMIN_URL = process.env.AEGIS_BENCH_PG_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

type Credentials = { organisation: { id: string }; user_keys: { email: string; key: string }[]; users: { password: string }[] };

/** Starts the app on a seeded database and times the pages. */
export async function timePages(databaseUrl: string, dataDir: string, runs = 5, only?: RegExp): Promise<PageTime[]> {
  const creds = JSON.parse(fs.readFileSync(path.join(dataDir, "demo-credentials.json"), "utf8")) as Credentials;
  const env = { ...appEnv(dataDir, await freePort(), databaseUrl), AEGIS_DASHBOARD_RATE_LIMIT_PER_MINUTE: "0" };
  await withdrawOpenChainCheck(databaseUrl);
  const app = await startApp(env, "volume");
  try {
    return await measurePageTimes({
      baseUrl: app.baseUrl,
      databaseUrl,
      orgId: creds.organisation.id,
      adminKey: creds.user_keys.find((k) => k.email === "admin@acme.test")!.key,
      password: creds.users[0].password,
      runs,
      only,
    });
  } finally {
    await app.stop();
  }
}

/**
 * Opening the chain-check page requested a check (the last page timed), which the app then runs in
 * the background: a walk of every audit event (22 million at ten million intents, many minutes).
 * A later run on the same database would resume it under its timings, so the unfinished one is
 * withdrawn first; the page then requests a fresh one, as it did the first time.
 */
async function withdrawOpenChainCheck(databaseUrl: string): Promise<void> {
  const c = new pg.Client({ connectionString: databaseUrl });
  await c.connect();
  try {
    await c.query("DELETE FROM audit_verifications WHERE finished_at IS NULL");
  } finally {
    await c.end();
  }
}

/** Seeds a fresh database, times the pages, drops it; returns the report section. */
export async function benchVolume(): Promise<string> {
  const intents = Number(process.env.AEGIS_BENCH_VOLUME_INTENTS ?? 1_000_000);
  const admin = new pg.Client({ connectionString: PG_ADMIN_URL, connectionTimeoutMillis: 3_000 });
  try {
    await admin.connect();
  } catch (e) {
    return `Page times at volume: skipped (PostgreSQL unreachable: ${(e as Error).message})`;
  }
  const dbName = `aegis_bench_volume_${Date.now()}`;
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${dbName}`;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "aegis-bench-volume-"));
  try {
    await admin.query(`CREATE DATABASE ${dbName}`);
    log(`volume: seeding ${intents.toLocaleString("en")} intents into ${dbName}`);
    const seed = await seedVolume({ databaseUrl: url.toString(), intents, pending: Math.min(10_000, intents / 10), agents: 200, days: 90, dataDir });
    const rows = await timePages(url.toString(), dataDir);
    return renderVolume(seed, rows);
  } catch (e) {
    log(`volume: FAILED: ${(e as Error).message}`);
    return `Page times at volume: failed (${(e as Error).message})`;
  } finally {
    if (process.env.AEGIS_BENCH_KEEP === "1") log(`volume: kept database ${dbName} and ${dataDir}`);
    else {
      await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`).catch((e) => log(`could not drop ${dbName}: ${e.message}`));
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
    await admin.end();
  }
}

function renderVolume(seed: VolumeSeed, rows: PageTime[]): string {
  const c = seed.counts;
  return [
    `## Page and list times on PostgreSQL at volume`,
    ``,
    `${c.intents.toLocaleString("en")} intents, ${c.pending_approvals.toLocaleString("en")} pending approvals, ${c.agents} agents, ` +
      `${c.audit_events.toLocaleString("en")} audit events, ${c.ledger_entries.toLocaleString("en")} ledger lines in one organisation; ` +
      `seeded in ${seed.seconds.toFixed(0)} s. Server time per request (full response; CSV exports to the first byte), ` +
      `one warm-up then 5 runs; signed in as admin@acme.test, the API with the admin's user key. ⚠ marks a max over 200 ms. ` +
      `Load average ${os
        .loadavg()
        .map((l) => l.toFixed(1))
        .join(" / ")} at the end.`,
    ``,
    renderPageTimes(rows),
  ].join("\n");
}

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  const databaseUrl = arg("database-url");
  const dataDir = arg("data-dir");
  if (!databaseUrl || !dataDir) {
    console.error(
      "usage: npx tsx bench/volume-run.ts --database-url URL --data-dir DIR [--runs N] [--only REGEXP] (a database seeded by npm run bench:seed, and its --data-dir; --only times the pages whose name matches)",
    );
    process.exit(2);
  }
  const only = arg("only");
  timePages(databaseUrl, dataDir, Number(arg("runs") ?? 5), only ? new RegExp(only) : undefined).then(
    (rows) => {
      console.log(renderPageTimes(rows));
      console.log(
        `load average ${os
          .loadavg()
          .map((l) => l.toFixed(1))
          .join(" / ")}`,
      );
      process.exit(0);
    },
    (e) => {
      console.error(e);
      process.exit(1);
    },
  );
}
