// `npm run bench:seed -- --database-url postgres://…/empty_db [--intents 1000000] [--pending 10000] [--agents 200] [--days 90]`
// A volume database for the page-time benchmark: migrates an EMPTY PostgreSQL database, seeds the
// demo organisation through the app (`aegis demo seed`: users, keys, policy, demo agents), then
// adds agents up to --agents with wallets and --intents intents over --days days (--pending of
// them still waiting for a person) with their decisions, approvals, ledger, audit events (sealed
// into the hash chain) and notifications, all set-based, and rebuilds the counters through the app.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { parseCliJson, ROOT, runCli } from "./app-server";
import { log } from "./stats";
import { AGENTS_SQL, APPROVALS_SQL, DECISIONS_SQL, INTENTS_SQL, PLAN_SQL, RESPONSES_SQL, SETUP_SQL, VOLUME_MERCHANTS, WALLETS_SQL } from "./volume-sql";
import { AUDIT_SQL, LEDGER_SQL, NOTIFICATIONS_SQL } from "./volume-history-sql";
import { sealStagedAuditEvents } from "./volume-chain";
import { dropSecondaryIndexes, rebuildIndexes } from "./bulk-load-indexes";

export type VolumeOptions = { databaseUrl: string; intents: number; pending: number; agents: number; days: number; dataDir: string };
export type VolumeSeed = { orgId: string; credentialsFile: string; seconds: number; steps: Record<string, number>; counts: Record<string, number> };

const DAY_MS = 86_400_000;

/** Passes a statement only the parameters it references ($1..$n), since PostgreSQL refuses extra ones. */
async function run(client: pg.Client, sql: string, params: unknown[] = []) {
  const used = Math.max(0, ...[...sql.matchAll(/\$(\d+)/g)].map((m) => Number(m[1])));
  return client.query(sql, params.slice(0, used));
}

export async function seedVolume(o: VolumeOptions): Promise<VolumeSeed> {
  const started = performance.now();
  const steps: Record<string, number> = {};
  const step = async <T>(name: string, f: () => Promise<T>): Promise<T> => {
    const t = performance.now();
    const out = await f();
    steps[name] = Math.round(performance.now() - t) / 1000;
    log(`seed: ${name} ${steps[name].toFixed(1)} s`);
    return out;
  };
  const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: o.databaseUrl, AEGIS_DATA_DIR: o.dataDir };
  const client = new pg.Client({ connectionString: o.databaseUrl });
  await client.connect();
  try {
    const orgs = await client.query(`SELECT to_regclass('organizations') IS NOT NULL AS migrated`);
    if (orgs.rows[0].migrated && (await client.query(`SELECT 1 FROM organizations LIMIT 1`)).rowCount) {
      throw new Error("the database already has an organisation: give seed-volume an empty database");
    }
    await step("migrate", async () => {
      const r = spawnSync("npx", ["tsx", "scripts/migrate.ts"], { cwd: ROOT, env, encoding: "utf8" });
      if (r.status !== 0) throw new Error(`migrate failed: ${r.stderr || r.stdout}`);
    });
    const creds = await step("demo seed (through the app)", async () =>
      parseCliJson<{ credentials: { organisation: { id: string } } }>(await runCli(env, ["demo", "seed", "--json"], 300_000)),
    );
    const orgId = creds.credentials.organisation.id;
    const people = await client.query<{ id: string; email: string }>(
      `SELECT id, email FROM users WHERE org_id = $1 AND email = ANY($2) ORDER BY array_position($2, email)`,
      [orgId, ["approver@acme.test", "approver2@acme.test", "admin@acme.test", "controller@acme.test"]],
    );
    if (people.rowCount !== 4) throw new Error("the demo users are missing");
    const who = [orgId, ...people.rows.map((p) => p.id), ...people.rows.map((p) => p.email)];
    const templates = await client.query<{ key: string; trace: string; budgets: string }>(
      `SELECT DISTINCT ON (outcome, rule) outcome || '/' || rule AS key, trace::text, budgets::text FROM policy_decisions d
       JOIN intents i ON i.id = d.intent_id WHERE i.org_id = $1 ORDER BY outcome, rule, d.created_at DESC`,
      [orgId],
    );
    const t = Object.fromEntries(templates.rows.map((r) => [r.key, r]));
    const trace = (k: string) => (t[k] ?? t["approve/auto_approve_limit"]).trace;
    const version = (await client.query(`SELECT max(version) AS v FROM policies WHERE org_id = $1`, [orgId])).rows[0].v as number;
    const existing = Number((await client.query(`SELECT count(*) FROM agents WHERE org_id = $1`, [orgId])).rows[0].count);
    const extra = Math.max(1, o.agents - existing);

    await client.query(`SET synchronous_commit = off`);
    await client.query(`SET work_mem = '256MB'`);
    await client.query(`SET maintenance_work_mem = '512MB'`);
    // Foreign-key checks are triggers: one index probe of intents per decision, approval and ledger
    // line (a third of the ten-million seed's time). Every reference here is to a row this same
    // transaction made, so a superuser's seed skips them, as pg_restore does with --disable-triggers.
    if ((await client.query(`SELECT rolsuper FROM pg_roles WHERE rolname = current_user`)).rows[0]?.rolsuper)
      await client.query(`SET session_replication_role = replica`);
    await client.query(`BEGIN`);
    // The months the back-dated history falls in (the migration made only the current one and three ahead).
    await run(client, `SELECT aegis_ensure_month_partitions(now() - $1::int * interval '1 day', 3)`, [o.days + 6]);
    await step(`${extra} agents with wallets`, async () => {
      for (const s of SETUP_SQL) await run(client, s);
      for (const [k, m] of VOLUME_MERCHANTS.entries()) await run(client, `INSERT INTO vol_m VALUES ($1, $2, $3, $4, $5)`, [k, ...m]);
      await run(client, AGENTS_SQL, [orgId, extra, new Date(Date.now() - (o.days + 5) * DAY_MS).toISOString()]);
      await run(client, WALLETS_SQL, [orgId]);
    });
    const dropped = await step("drop secondary indexes", () =>
      dropSecondaryIndexes(client, ["intents", "policy_decisions", "ledger_entries", "audit_events", "notifications"]),
    );
    await step("plan", () => run(client, PLAN_SQL, [orgId, o.intents - o.pending, o.pending, o.days, extra, VOLUME_MERCHANTS.length]));
    await step("intents", () => run(client, INTENTS_SQL, [orgId]));
    await step("decisions", () =>
      run(client, DECISIONS_SQL, [
        orgId,
        trace("approve/auto_approve_limit"),
        trace("require_approval/auto_approve_limit"),
        trace("deny/hard_limit"),
        trace("deny/category_blocklist"),
        t["approve/auto_approve_limit"].budgets,
        version,
      ]),
    );
    await step("approvals and responses", async () => {
      await run(client, APPROVALS_SQL, [orgId]);
      await run(client, RESPONSES_SQL, who);
    });
    await step("ledger and wallets", async () => {
      for (const s of LEDGER_SQL) await run(client, s, [...who, 100_000_000_000]);
      await client.query("TRUNCATE vol_l"); // staging made in this transaction: its disk is freed at once
    });
    await step("notifications", () => run(client, NOTIFICATIONS_SQL, [orgId]));
    await step("audit events", async () => {
      for (const s of AUDIT_SQL) await run(client, s, who);
      await client.query("TRUNCATE vol_i"); // the plan is used up
    });
    await step("audit hash chain", () => sealStagedAuditEvents(client, orgId));
    await step(`rebuild ${dropped.length} indexes`, () => rebuildIndexes(client, dropped));
    await client.query(`COMMIT`);
    await step("counters rebuild (through the app)", () => runCli(env, ["counters", "rebuild", "--org", orgId, "--json"], 1_200_000));
    await step("vacuum analyze", () => client.query(`VACUUM ANALYZE`));
    const counts: Record<string, number> = {};
    for (const table of [
      "agents",
      "intents",
      "policy_decisions",
      "approvals",
      "ledger_entries",
      "audit_events",
      "notifications",
      "agent_day_counters",
      "spend_dimension_counters",
    ]) {
      counts[table] = Number((await client.query(`SELECT count(*) FROM ${table}`)).rows[0].count);
    }
    counts.pending_approvals = Number((await client.query(`SELECT count(*) FROM approvals WHERE status = 'pending'`)).rows[0].count);
    return { orgId, credentialsFile: path.join(o.dataDir, "demo-credentials.json"), seconds: Math.round(performance.now() - started) / 1000, steps, counts };
  } catch (e) {
    await client.query(`ROLLBACK`).catch(() => {});
    throw e;
  } finally {
    await client.end();
  }
}

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  const databaseUrl = arg("database-url") ?? process.env.DATABASE_URL;
  if (!databaseUrl) {
    console.error(
      "usage: npm run bench:seed -- --database-url postgres://user@host/empty_db [--intents N] [--pending N] [--agents N] [--days N] [--data-dir DIR]",
    );
    process.exit(2);
  }
  seedVolume({
    databaseUrl,
    intents: Number(arg("intents") ?? 1_000_000),
    pending: Number(arg("pending") ?? 10_000),
    agents: Number(arg("agents") ?? 200),
    days: Number(arg("days") ?? 90),
    dataDir: arg("data-dir") ?? fs.mkdtempSync(path.join(os.tmpdir(), "aegis-volume-")),
  }).then(
    (r) => {
      console.log(JSON.stringify(r, null, 2));
      process.exit(0);
    },
    (e) => {
      console.error(e);
      process.exit(1);
    },
  );
}
