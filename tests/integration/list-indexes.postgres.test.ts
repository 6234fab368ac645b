import crypto from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import type { UserPrincipal } from "@/lib/auth/principal";
import { createAgent } from "@/lib/agents/create-agent";
import { getAgentPage } from "@/lib/agents/get-agent-page";
import { listAgents } from "@/lib/agents/list-agents";
import { listApprovals } from "@/lib/approvals/list-approvals";
import { listAuditEvents } from "@/lib/audit/list-audit-events";
import { intentFilterOptions } from "@/lib/intents/intent-filter-options";
import { listIntents } from "@/lib/intents/list-intents";
import { listSettlementGaps } from "@/lib/intents/list-settlement-gaps";
import { findIntentByReference } from "@/lib/intents/find-intent-by-reference";
import { loadSettlementSummary } from "@/lib/intents/load-settlement-summary";
import { countInbox, loadInbox } from "@/lib/approvals/load-inbox";
import { parseInboxQuery } from "@/lib/approvals/inbox-query";
import { createOrganization } from "@/lib/organizations/create-organization";
import { createUser } from "@/lib/users/create-user";
import { bindSql, createSql } from "@/lib/db/sql";
import { listIntentsPage } from "@/lib/intents/list-intents-page";
import { previewApproverGroup } from "@/lib/approver-groups/preview-approver-group";
import { sumAwaitingDecision } from "@/lib/approvals/sum-awaiting-decision";
import { listIntentAnswers } from "@/lib/intents/list-intent-answers";
import { loadSpendByDimension } from "@/lib/counters/load-spend-by-dimension";
import { loadSpendDashboard } from "@/lib/counters/load-spend-dashboard";

// The list queries of the dashboard and the API, as the app issues them, must be served by
// indexes: at a million intents a sequential scan of intents, approvals or audit_events costs
// seconds. This seeds enough rows that PostgreSQL's planner chooses by cost, runs the real
// loaders with query logging, and EXPLAINs every statement they sent.
const onPostgres = inject("databaseKind") === "postgresql";
const WATCHED = ["intents", "approvals", "audit_events"];
const INTENTS = 40_000;

type Logged = { query: string; params: unknown[] };
const loggingClient = (url: string) => new PrismaClient({ adapter: new PrismaPg({ connectionString: url }), log: [{ emit: "event", level: "query" }] });
let client: ReturnType<typeof loggingClient>;
/** The same client, as the loaders take it. */
let db: PrismaClient;
let raw: pg.Client;
let pool: pg.Pool;
let logged: Logged[] = [];
let admin: UserPrincipal;
let approver: UserPrincipal;
let orgId: string;
let agentId: string;
let intentId: string;
let approvalId: string;

type PlanNode = { "Node Type": string; "Relation Name"?: string; Plans?: PlanNode[] };
/** A monthly partition (or the DEFAULT one) counts as its table. */
const tableOf = (relation: string) => relation.replace(/_(p\d{6}|default)$/, "");
const seqScans = (n: PlanNode): string[] => [
  ...(n["Node Type"] === "Seq Scan" && WATCHED.includes(tableOf(n["Relation Name"] ?? "")) ? [n["Relation Name"]!] : []),
  ...(n.Plans ?? []).flatMap(seqScans),
];

/** Runs `load` with query logging and returns, per statement on a watched table, the tables it seq-scans. */
async function scansOf(load: () => Promise<unknown>): Promise<{ query: string; seq: string[] }[]> {
  logged = [];
  await load();
  const statements = logged.filter((l) => WATCHED.some((t) => l.query.includes(`"${t}"`) || l.query.includes(` ${t} `)));
  const out = [];
  for (const s of statements) {
    const { rows } = await raw.query(`EXPLAIN (FORMAT JSON) ${s.query}`, s.params);
    const seq = [];
    // A month not reached yet, or this month's handful of set-up events: reading a partition of
    // under a thousand rows whole costs microseconds, and is what the planner rightly picks there.
    for (const relation of seqScans(rows[0]["QUERY PLAN"][0].Plan)) {
      const { n } = (await raw.query(`SELECT count(*)::int AS n FROM (SELECT 1 FROM "${relation}" LIMIT 1000) s`)).rows[0];
      if (n >= 1000) seq.push(relation);
    }
    out.push({ query: s.query.slice(0, 300), seq });
  }
  return out;
}

beforeAll(async () => {
  if (!onPostgres) return;
  const url = inject("databaseUrl");
  client = loggingClient(url);
  client.$on("query", (e) => logged.push({ query: e.query, params: JSON.parse(e.params) as unknown[] }));
  db = client as unknown as PrismaClient;
  // The typed layer's statements (the dashboard's intents list) are logged from its own pool.
  pool = new pg.Pool({ connectionString: url, max: 2 });
  pool.on("connect", (c) => {
    const query = c.query.bind(c) as (...a: unknown[]) => unknown;
    (c as unknown as { query: (...a: unknown[]) => unknown }).query = (...a: unknown[]) => {
      const q = a[0] as string | { text: string; values?: unknown[] };
      if (typeof q === "object" && q.text) logged.push({ query: q.text, params: q.values ?? [] });
      return query(...a);
    };
  });
  bindSql(db, createSql({ pool }));
  raw = new pg.Client({ connectionString: url });
  await raw.connect();
  const tag = crypto.randomBytes(4).toString("hex");
  const org = await createOrganization(db, "system", { name: `Indexes ${tag}`, timeZone: "UTC", currency: "INR" });
  orgId = org.id;
  const user = await createUser(db, "system", { orgId, email: `admin-${tag}@indexes.test`, role: "admin" });
  admin = { kind: "user", orgId, userId: user.id, role: "admin", email: user.email, keyId: null, label: user.email };
  const second = await createUser(db, "system", { orgId, email: `approver-${tag}@indexes.test`, role: "approver" });
  approver = { kind: "user", orgId, userId: second.id, role: "approver", email: second.email, keyId: null, label: second.email };
  const agents = [];
  for (let n = 0; n < 20; n++) agents.push((await createAgent(db, "system", { orgId, name: `agent ${n}`, initialBalance: 1_000_000, currency: "INR" })).id);
  agentId = agents[3];
  // Half the intents have ids made before partitions (in DEFAULT), half time-ordered ones in their months.
  await raw.query(`SELECT aegis_ensure_month_partitions(now() - interval '91 days', 3)`);
  // Intents over 90 days in 12 categories (one rare), every status; an approval for each
  // intent that needed a person (4,000 still open); two audit events per intent.
  await raw.query(
    `INSERT INTO intents (id, org_id, agent_id, amount, currency, reason, confidence, merchant, merchant_category, status, request_hash, created_at, decided_at,
       rejected_by_person)
     SELECT CASE WHEN g % 2 = 0 THEN 'int_' || substr(md5($1 || g), 1, 24)
       ELSE aegis_id_floor('int', now() - (g % 129600) * interval '1 minute') || substr(md5($1 || g), 1, 14) END, $2, ($3::uuid[])[1 + g % 20], 1000 + g % 500000, 'INR', 'volume', 0.9, 'M' || g % 40,
       CASE WHEN g % 997 = 0 THEN 'rare' ELSE 'cat' || g % 11 END,
       (CASE WHEN g % 10 = 0 THEN 'pending_approval' WHEN g % 50 = 1 THEN 'expired' WHEN g % 10 = 2 THEN 'denied' ELSE 'approved' END)::"IntentStatus",
       md5('r' || g), now() - (g % 129600) * interval '1 minute', now() - (g % 129600) * interval '1 minute',
       g % 10 = 2
     FROM generate_series(1, $4::int) g`,
    [tag, orgId, agents, INTENTS],
  );
  await raw.query(
    `INSERT INTO approvals (id, org_id, intent_id, amount, status, required_role, expires_at, created_at)
     SELECT 'apr_' || substr(md5('a' || i.id), 1, 24), i.org_id, i.id, i.amount,
       (CASE i.status WHEN 'pending_approval' THEN 'pending' WHEN 'denied' THEN 'rejected' ELSE 'expired' END)::"ApprovalStatus", 'approver',
       CASE WHEN i.status = 'pending_approval' THEN now() + interval '3 days' ELSE i.created_at + interval '3 days' END, i.created_at
     FROM intents i WHERE i.org_id = $1 AND i.status IN ('pending_approval', 'expired', 'denied')`,
    [orgId],
  );
  await raw.query(
    `INSERT INTO audit_events (id, org_id, actor_type, actor_label, action, target_type, target_id, data, created_at)
     SELECT 'evt_' || substr(md5(k || i.id), 1, 24), i.org_id, 'system', 'system', 'intent.' || k, 'intent', i.id, '{}'::jsonb, i.created_at
     FROM intents i CROSS JOIN (VALUES ('submitted'), ('decided')) AS v(k) WHERE i.org_id = $1`,
    [orgId],
  );
  // What autovacuum does after a bulk insert: statistics, and the trigram GIN indexes' pending lists
  // merged (the planner charges every GIN scan for reading its pending list, which 40,000 fresh rows fill).
  await raw.query(`VACUUM ANALYZE intents, approvals, audit_events, agents`);
  intentId = (await raw.query(`SELECT id FROM intents WHERE org_id = $1 AND status = 'expired' LIMIT 1`, [orgId])).rows[0].id;
  approvalId = (await raw.query(`SELECT id FROM approvals WHERE org_id = $1 LIMIT 1`, [orgId])).rows[0].id;
}, 300_000);

afterAll(async () => {
  if (!onPostgres) return;
  await db.$disconnect();
  await pool.end();
  await raw.end();
});

describe.runIf(onPostgres)("list queries use indexes on PostgreSQL", () => {
  const cases: [string, () => Promise<unknown>][] = [
    ["intents list", () => listIntents(db, admin, { limit: 25 })],
    ["intents by status", () => listIntents(db, admin, { limit: 25, status: ["expired"] })],
    ["intents by two statuses", () => listIntents(db, admin, { limit: 25, status: ["pending_approval", "expired"] })],
    ["intents by agent", () => listIntents(db, admin, { limit: 25, agent_id: agentId })],
    ["intents by a rare category", () => listIntents(db, admin, { limit: 25, merchant_category: "rare" })],
    [
      "intents in a date range",
      () =>
        listIntents(db, admin, {
          limit: 25,
          created_after: new Date(Date.now() - 20 * 86_400_000).toISOString(),
          created_before: new Date(Date.now() - 19 * 86_400_000).toISOString(),
        }),
    ],
    ["the category filter's choices", () => intentFilterOptions(db, orgId)],
    ["dashboard intents list, newest first", () => listIntentsPage(db, admin, { limit: 25 }, "INR")],
    ["dashboard intents list, largest amount first", () => listIntentsPage(db, admin, { limit: 25, sort: "amount_desc" }, "INR")],
    ["dashboard intents list, smallest amount first", () => listIntentsPage(db, admin, { limit: 25, sort: "amount_asc" }, "INR")],
    ["dashboard intents search, a merchant's name", () => listIntentsPage(db, admin, { limit: 25, q: "m17" }, "INR")],
    ["dashboard intents search, a rare word", () => listIntentsPage(db, admin, { limit: 25, q: "zebra" }, "INR")],
    ["dashboard intents search, part of an id", () => listIntentsPage(db, admin, { limit: 25, q: intentId.slice(-10) }, "INR")],
    ["dashboard intents search, an amount", () => listIntentsPage(db, admin, { limit: 25, q: "12.34" }, "INR")],
    ["dashboard intents rejected by a person", () => listIntentsPage(db, admin, { limit: 25, state: "rejected" }, "INR")],
    ["dashboard intents partly captured", () => listIntentsPage(db, admin, { limit: 25, state: "partially_captured" }, "INR")],
    ["who answered a page of intents", () => listIntentAnswers(db, orgId, [intentId])],
    [
      "routing preview: what a group would catch",
      () => previewApproverGroup(db, admin, { agent_ids: [], merchant_categories: ["cat3"], currency: null, min_amount: null, max_amount: null }),
    ],
    ["approvals API", () => listApprovals(db, admin, { limit: 20 })],
    ["audit log", () => listAuditEvents(db, orgId, {})],
    ["audit by action", () => listAuditEvents(db, orgId, { action: "intent.sub" })],
    ["audit by target intent", () => listAuditEvents(db, orgId, { target: intentId })],
    ["agent page", () => getAgentPage(db, admin, agentId)],
    ["reconciliation's gaps", () => listSettlementGaps(db, orgId)],
    [
      "reconciliation's gaps in a date range",
      () => listSettlementGaps(db, orgId, 100, { from: new Date(Date.now() - 20 * 86_400_000), to: new Date(Date.now() - 10 * 86_400_000) }),
    ],
    ["inbox: yours, with its capped counts", () => loadInbox(db, approver, parseInboxQuery({}, "INR"))],
    ["inbox: others, largest first", () => loadInbox(db, approver, parseInboxQuery({ view: "others", sort: "amount" }, "INR"))],
    ["inbox: the navigation badge's counts", () => countInbox(db, approver)],
    ["search box and intent page: an intent by its id", () => findIntentByReference(db, admin, intentId)],
    ["search box: an intent by its approval's id", () => findIntentByReference(db, admin, approvalId)],
  ];
  for (const [name, load] of cases) {
    it(`${name}: no sequential scan of ${WATCHED.join(", ")}`, async () => {
      const plans = await scansOf(load);
      expect(plans.length).toBeGreaterThan(0);
      expect(plans.filter((p) => p.seq.length > 0)).toEqual([]);
    });
  }

  it("a search for a word nothing holds looks it up in the trigram indexes instead of walking every intent", async () => {
    logged = [];
    expect((await listIntentsPage(db, admin, { limit: 25, q: "zebra" }, "INR")).data).toEqual([]);
    // The reason term is first looked for in the first rows of the page's order (a bounded walk),
    // then, finding nothing there, read unordered: that read must go through the trigram index.
    const search = logged.find((l) => l.query.includes("lower(intents.reason) LIKE") && !l.query.includes(") AS intents WHERE"));
    const { rows } = await raw.query(`EXPLAIN (FORMAT JSON) ${search!.query}`, search!.params);
    type Node = PlanNode & { "Index Cond"?: string };
    const indexConditions = (n: Node): string[] => [...(n["Index Cond"] ? [n["Index Cond"]] : []), ...(n.Plans ?? []).flatMap(indexConditions)];
    // With the agents' names matched inside the statement (agent_id IN (SELECT …)) the OR could not
    // be a BitmapOr, and the planner read the created_at index of every month, filtering row by row.
    expect(indexConditions(rows[0]["QUERY PLAN"][0].Plan).filter((c) => c.includes("lower(reason)")).length).toBeGreaterThan(0);
  });

  it("a session of the migrated database has JIT off (compiling cost more than running the app's statements)", async () => {
    expect((await raw.query("SHOW jit")).rows[0].jit).toBe("off");
  });

  it("the agents list reads counters, never intents, approvals or audit events", async () => {
    expect(await scansOf(() => listAgents(db, admin, { limit: 20 }))).toEqual([]);
  });

  it("the spend dashboard reads counters, never intents, approvals or audit events", async () => {
    expect(await scansOf(() => loadSpendDashboard(db, orgId, "INR", "UTC"))).toEqual([]);
    expect(await scansOf(() => loadSpendByDimension(db, orgId, "INR", "UTC", "category"))).toEqual([]);
    expect(await scansOf(() => loadSpendByDimension(db, orgId, "INR", "UTC", "merchant"))).toEqual([]);
  });

  it("the inbox's money awaiting a decision reads wallets, never intents or approvals", async () => {
    expect(await scansOf(() => sumAwaitingDecision(db, orgId))).toEqual([]);
  });

  it("reconciliation's totals read counters, never intents, approvals or audit events", async () => {
    expect(await scansOf(() => loadSettlementSummary(db, orgId))).toEqual([]);
  });

  it("the inbox's counts read approvals alone, never their intents", async () => {
    logged = [];
    await countInbox(db, approver);
    expect(logged.filter((l) => l.query.includes('"approvals"')).length).toBeGreaterThan(0);
    expect(logged.filter((l) => l.query.includes('"intents"'))).toEqual([]);
  });
});
