// Data for a run: the demo org (its id and an approver's user key) and a bench agent with a
// big INR balance whose policy override lifts budgets and velocity, made through the admin CLI.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { adminCall } from "./admin-channel";
import { parseCliJson, runCli, type AppServer } from "./app-server";
import { log, sleep } from "./stats";

export type BenchData = { orgId: string; agentId: string; agentKey: string; approverKey: string; autoApproveLimit: number };
export type BenchAgent = { id: string; key: string };
export type BenchAgents = { orgId: string; approverKey: string; autoApproveLimit: number; agents: BenchAgent[] };

type Json = unknown;

function walk(node: Json, visit: (obj: Record<string, Json>) => void): void {
  if (Array.isArray(node)) node.forEach((n) => walk(n, visit));
  else if (node && typeof node === "object") {
    visit(node as Record<string, Json>);
    Object.values(node).forEach((n) => walk(n, visit));
  }
}

const isKey = (v: Json): v is string => typeof v === "string" && /^aegis_sk_\S+$/.test(v);

/** Reads the org id and approver@acme.test's API key from the demo credentials, whatever their exact layout. */
export function parseCredentials(creds: Json): { orgId: string; approverKey: string } {
  let orgId: string | undefined;
  let approverKey: string | undefined;
  walk(creds, (obj) => {
    for (const [k, v] of Object.entries(obj)) {
      if (!orgId && typeof v === "string" && (k === "org_id" || k === "orgId") && v) orgId = v;
      if (
        !orgId &&
        (k === "org" || k === "organization" || k === "organisation") &&
        v &&
        typeof v === "object" &&
        typeof (v as { id?: Json }).id === "string"
      ) {
        orgId = (v as { id: string }).id;
      }
    }
    const strings = Object.values(obj).filter((v): v is string => typeof v === "string");
    if (!approverKey && strings.some((s) => s.toLowerCase().startsWith("approver@"))) approverKey = strings.find(isKey);
  });
  if (!orgId) walk(creds, (obj) => Object.values(obj).forEach((v) => typeof v === "string" && !orgId && /^org_\w+$/.test(v) && (orgId = v)));
  if (!orgId || !approverKey)
    throw new Error(`demo credentials lack ${!orgId ? "an org id" : "approver@acme.test's API key"}: ${JSON.stringify(creds).slice(0, 600)}`);
  return { orgId, approverKey };
}

/** Waits for <dataDir>/demo-credentials.json (the server writes it when it seeds the embedded demo). */
export async function readCredentialsFile(dataDir: string, timeoutMs = 60_000): Promise<Json> {
  const file = path.join(dataDir, "demo-credentials.json");
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (fs.existsSync(file)) {
      try {
        return JSON.parse(fs.readFileSync(file, "utf8"));
      } catch {}
    }
    await sleep(500);
  }
  throw new Error(`${file} did not appear within ${timeoutMs / 1000} s`);
}

/** PostgreSQL has no automatic demo: `aegis demo seed --json`, falling back to the data dir file. */
export async function seedDemo(env: NodeJS.ProcessEnv): Promise<Json> {
  const out = await runCli(env, ["demo", "seed", "--json"], 180_000);
  try {
    const creds = parseCliJson(out);
    parseCredentials(creds);
    return creds;
  } catch {
    return readCredentialsFile(env.AEGIS_DATA_DIR!, 5_000);
  }
}

function idOf(json: Json, what: string): string {
  const o = json as { id?: string; agent?: { id?: string }; data?: { id?: string } };
  const id = o.id ?? o.agent?.id ?? o.data?.id;
  if (!id) throw new Error(`${what}: no id in ${JSON.stringify(json).slice(0, 300)}`);
  return id;
}

type PolicyDoc = { rules: { auto_approve_limit: number; hard_limit: number }; agent_overrides?: Record<string, object> } & Record<string, Json>;

/** Creates the bench agent and key, and writes its policy override (no budgets, no velocity limit). */
export async function createBenchAgent(env: NodeJS.ProcessEnv, creds: Json): Promise<BenchData> {
  const { orgId, approverKey } = parseCredentials(creds);
  const cli = (args: string[]) => runCli(env, args).then((o) => parseCliJson(o));
  const agent = await cli(["agent", "create", "--org", orgId, "--name", `bench-${Date.now()}`, "--balance", "100000000000", "--currency", "INR", "--json"]);
  const agentId = idOf(agent, "agent create");
  const keyOut = (await cli(["key", "create", "--agent", agentId, "--json"])) as { key?: string; api_key?: string };
  const agentKey = keyOut.key ?? keyOut.api_key;
  if (!isKey(agentKey)) throw new Error(`key create printed no key: ${JSON.stringify(keyOut).slice(0, 300)}`);

  const shown = (await cli(["policy", "show", "--org", orgId, "--json"])) as PolicyDoc & { policy?: PolicyDoc; base_version?: number };
  const doc: PolicyDoc = shown.policy && shown.policy.rules ? shown.policy : shown;
  const { auto_approve_limit, hard_limit } = doc.rules;
  const next = {
    base_version: shown.base_version ?? 0, // the save names the version it edits
    rules: doc.rules,
    approvals: doc.approvals,
    agent_overrides: {
      ...(doc.agent_overrides ?? {}),
      [agentId]: { auto_approve_limit, hard_limit, daily_budget: null, monthly_budget: null, max_intents_per_hour: null },
    },
  };
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "aegis-bench-policy-")), "policy.json");
  fs.writeFileSync(file, JSON.stringify(next, null, 2));
  await runCli(env, ["policy", "set", "--org", orgId, "--file", file, "--reason", "Bench agent limits"]);
  fs.rmSync(path.dirname(file), { recursive: true, force: true });
  log(`bench agent ${agentId} in ${orgId}: auto-approve limit ${auto_approve_limit}, hard limit ${hard_limit}, no budgets/velocity`);
  return { orgId, agentId, agentKey, approverKey, autoApproveLimit: auto_approve_limit };
}

/**
 * `count` bench agents (big INR balance, key each) through the admin channel, and one policy
 * save whose overrides lift their budgets and velocity limit (the bench measures the decision
 * path, not a budget denial).
 */
export async function createBenchAgents(app: AppServer, creds: Json, count: number): Promise<BenchAgents> {
  const { orgId, approverKey } = parseCredentials(creds);
  const stamp = Date.now();
  const agents: BenchAgent[] = [];
  for (let n = 0; n < count; n++) {
    const agent = await adminCall(app, ["agent", "create"], { org: orgId, name: `bench-${stamp}-${n}`, balance: 100_000_000_000, currency: "INR" });
    const id = idOf(agent, "agent create");
    const key = await adminCall<{ key?: string }>(app, ["key", "create"], { agent: id });
    if (!isKey(key.key)) throw new Error(`key create returned no key: ${JSON.stringify(key).slice(0, 300)}`);
    agents.push({ id, key: key.key });
  }
  const doc = await adminCall<PolicyDoc & { base_version?: number }>(app, ["policy", "show"], { org: orgId });
  const { auto_approve_limit, hard_limit } = doc.rules;
  const lifted = { auto_approve_limit, hard_limit, daily_budget: null, monthly_budget: null, max_intents_per_hour: null };
  doc.agent_overrides = { ...(doc.agent_overrides ?? {}), ...Object.fromEntries(agents.map((a) => [a.id, lifted])) };
  await adminCall(app, ["policy", "set"], { org: orgId, policy: doc, reason: "Bench agents: no budgets or velocity limit" });
  log(`${count} bench agents in ${orgId}: auto-approve limit ${auto_approve_limit}, hard limit ${hard_limit}, no budgets/velocity`);
  return { orgId, approverKey, autoApproveLimit: auto_approve_limit, agents };
}

/** The demo organisation: PGlite seeds it at start-up (credentials file); PostgreSQL through the admin channel. */
export async function demoCredentials(app: AppServer, kind: "pglite" | "postgresql"): Promise<Json> {
  if (kind === "pglite") return readCredentialsFile(app.env.AEGIS_DATA_DIR!);
  const creds = await adminCall(app, ["demo", "seed"], {});
  try {
    parseCredentials(creds);
    return creds;
  } catch {
    return readCredentialsFile(app.env.AEGIS_DATA_DIR!, 5_000);
  }
}
