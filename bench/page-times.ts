// Server time of every dashboard page and every list/get API endpoint on a volume database
// (bench/seed-volume.ts): signs in as the demo admin, warms each URL once, then times `runs`
// full responses (headers + whole body; the CSV exports to their first byte) one after the
// other and reports p50 and max. Times include loopback HTTP, which is well under 1 ms here.
import http from "node:http";
import pg from "pg";

export type PageTime = { name: string; path: string; status: number; p50: number; max: number; bytes: number };
type Target = { name: string; path: string; firstByte?: boolean; api?: boolean };

function request(baseUrl: string, method: string, path: string, headers: Record<string, string>, body?: string, firstByte = false) {
  const url = new URL(path, baseUrl);
  return new Promise<{ status: number; ms: number; bytes: number; headers: http.IncomingHttpHeaders; text: string }>((resolve, reject) => {
    const t0 = performance.now();
    const req = http.request({ method, hostname: url.hostname, port: url.port, path: url.pathname + url.search, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => {
        if (firstByte && chunks.length === 0) {
          const ms = performance.now() - t0;
          chunks.push(c);
          res.destroy();
          resolve({ status: res.statusCode ?? 0, ms, bytes: c.length, headers: res.headers, text: "" });
          return;
        }
        chunks.push(c);
      });
      res.on("end", () => {
        const buf = Buffer.concat(chunks);
        resolve({ status: res.statusCode ?? 0, ms: performance.now() - t0, bytes: buf.length, headers: res.headers, text: buf.toString("utf8") });
      });
      res.on("error", (e) => (firstByte ? undefined : reject(e)));
    });
    req.on("error", reject);
    if (body) req.write(body);
    req.end();
  });
}

const cookiesOf = (h: http.IncomingHttpHeaders) => (h["set-cookie"] ?? []).map((c) => c.split(";")[0]);

/** Signs in through next-auth's credentials callback, as the sign-in form does; returns the cookie header. */
export async function signInCookie(baseUrl: string, email: string, password: string): Promise<string> {
  const csrf = await request(baseUrl, "GET", "/api/auth/csrf", {});
  const { csrfToken } = JSON.parse(csrf.text) as { csrfToken: string };
  const body = new URLSearchParams({ csrfToken, email, password, json: "true", callbackUrl: "/" }).toString();
  const res = await request(
    baseUrl,
    "POST",
    "/api/auth/callback/credentials",
    { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookiesOf(csrf.headers).join("; ") },
    body,
  );
  const session = cookiesOf(res.headers).find((c) => c.startsWith("next-auth.session-token=") && c.length > 25);
  if (!session) throw new Error(`sign-in as ${email} failed: HTTP ${res.status}`);
  return session;
}

/** Ids the URLs need (a busy generated agent, a recent intent, a waiting approval), read from the database. */
async function sampleIds(databaseUrl: string, orgId: string) {
  const c = new pg.Client({ connectionString: databaseUrl });
  await c.connect();
  try {
    const one = async (sql: string) => (await c.query(sql, [orgId])).rows[0] as Record<string, string>;
    const agent = await one(`SELECT id FROM agents WHERE org_id = $1 AND description LIKE 'Generated%' ORDER BY name LIMIT 1`);
    const intent = await one(`SELECT id FROM intents WHERE org_id = $1 AND status = 'approved' ORDER BY created_at DESC LIMIT 1 OFFSET 500`);
    const approval = await one(`SELECT id, intent_id FROM approvals WHERE org_id = $1 AND status = 'pending' ORDER BY created_at LIMIT 1`);
    const day = await one(
      `SELECT to_char(max(created_at) - interval '10 days', 'YYYY-MM-DD') AS from, to_char(max(created_at) - interval '8 days', 'YYYY-MM-DD') AS to FROM intents WHERE org_id = $1`,
    );
    return { agent: agent.id, intent: intent.id, approval: approval.id, pendingIntent: approval.intent_id, from: day.from, to: day.to };
  } finally {
    await c.end();
  }
}

function targets(ids: Awaited<ReturnType<typeof sampleIds>>): Target[] {
  const page = (name: string, path: string): Target => ({ name, path });
  const api = (name: string, path: string): Target => ({ name, path, api: true });
  return [
    page("inbox", "/inbox"),
    page("inbox, waiting on others", "/inbox?view=others"),
    page("inbox by amount, over ₹20,000", "/inbox?sort=amount&min=20000"),
    page("inbox, one agent, waiting 24h+", `/inbox?agent=${ids.agent}&waiting=24h`),
    page("inbox count (nav badge)", "/inbox/count"),
    page("inbox feed (live refresh)", "/inbox/feed"),
    page("agents", "/agents"),
    page("agent page", `/agents/${ids.agent}`),
    page("intents", "/intents"),
    page("intents, status approved", "/intents?status=approved"),
    page("intents, status pending_approval", "/intents?status=pending_approval"),
    page("intents, status expired", "/intents?status=expired"),
    page("intents, one agent", `/intents?agent=${ids.agent}`),
    page("intents, category travel", "/intents?category=travel"),
    page("intents, category gambling (rare)", "/intents?category=gambling"),
    page("intents, date range", `/intents?from=${ids.from}&to=${ids.to}`),
    page("intents, amount ₹9,000–₹10,000", "/intents?min=9000&max=10000"),
    page("intents, all filters", `/intents?status=approved&agent=${ids.agent}&category=saas&from=${ids.from}&to=${ids.to}&min=100`),
    page("go to an intent id (search)", `/go?q=${ids.intent}`),
    page("intents search, a merchant", "/intents?q=aws"),
    page("intents search, a rare word", "/intents?q=zebra"),
    page("intents search, part of an id", `/intents?q=${ids.intent.slice(4, 14)}`),
    page("intents search, an amount", "/intents?q=9999"),
    page("intents, largest amount first", "/intents?sort=amount_desc"),
    page("intents, partly captured", "/intents?status=partially_captured"),
    page("intents, rejected by a person", "/intents?status=rejected"),
    page("inbox, newest first", "/inbox?sort=newest"),
    page("intent page", `/intents/${ids.intent}`),
    page("intent page, waiting approval", `/intents/${ids.pendingIntent}`),
    page("audit log", "/audit"),
    page("audit, action approval.", "/audit?action=approval."),
    page("audit, actor approver2", "/audit?actor=approver2"),
    page("audit, target intent", `/audit?target=${ids.intent}`),
    page("audit, date range", `/audit?from=${ids.from}&to=${ids.to}`),
    page("reconciliation", "/reconciliation"),
    page("reconciliation, date range", `/reconciliation?from=${ids.from}&to=${ids.to}`),
    page("reconciliation CSV export", `/reconciliation/export?from=${ids.from}&to=${ids.to}`),
    page("spend dashboard", "/spend"),
    page("routing", "/routing"),
    page("policies", "/policies"),
    page("policy versions", "/policies/versions"),
    page("policy shadow", "/policies/shadow"),
    page("developers", "/developers"),
    page("developers, keys", "/developers/keys"),
    page("developers, connect", "/developers/connect"),
    page("developers, webhooks", "/developers/webhooks"),
    page("notifications", "/notifications"),
    page("settings", "/settings"),
    { name: "intents CSV export (first byte)", path: "/intents/export", firstByte: true },
    { name: "audit CSV export (first byte)", path: `/audit/export?from=${ids.from}&to=${ids.to}&format=csv`, firstByte: true },
    api("GET /api/v1/intents", "/api/v1/intents"),
    api("GET /api/v1/intents?status=denied", "/api/v1/intents?status=denied"),
    api("GET /api/v1/intents?status=pending_approval,expired", "/api/v1/intents?status=pending_approval,expired"),
    api("GET /api/v1/intents?agent_id", `/api/v1/intents?agent_id=${ids.agent}`),
    api("GET /api/v1/intents?merchant_category=gambling", "/api/v1/intents?merchant_category=gambling"),
    api("GET /api/v1/intents?created_after&before", `/api/v1/intents?created_after=${ids.from}T00:00:00Z&created_before=${ids.to}T00:00:00Z`),
    api("GET /api/v1/intents?limit=100", "/api/v1/intents?limit=100"),
    api("GET /api/v1/intents/{id}", `/api/v1/intents/${ids.intent}`),
    api("GET /api/v1/approvals", "/api/v1/approvals"),
    api("GET /api/v1/agents", "/api/v1/agents"),
    api("GET /api/v1/agents?limit=100", "/api/v1/agents?limit=100"),
    api("GET /api/v1/agents/{id}", `/api/v1/agents/${ids.agent}`),
    api("GET /api/v1/approver-groups", "/api/v1/approver-groups"),
    api("GET /api/v1/delegations", "/api/v1/delegations"),
    api("GET /api/v1/policy", "/api/v1/policy"),
    api("GET /api/v1/policy/versions", "/api/v1/policy/versions"),
    api("GET /api/v1/policy/shadow", "/api/v1/policy/shadow"),
    api("GET /api/v1/webhook-endpoints", "/api/v1/webhook-endpoints"),
    api("GET /api/v1/organization/freeze", "/api/v1/organization/freeze"),
    // Last: its first view requests a full chain check, which the background job then runs for
    // minutes; the page answers from the stored state either way, but nothing after it is timed.
    page("audit verify page (stored result)", "/audit/verify"),
  ];
}

const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];

/**
 * Times every target `runs` times after one warm-up request. `adminKey` is the demo admin's user
 * key (for the API); the dashboard is signed in as admin@acme.test.
 */
export async function measurePageTimes(opts: {
  baseUrl: string;
  databaseUrl: string;
  orgId: string;
  adminKey: string;
  password: string;
  runs?: number;
  only?: RegExp;
}): Promise<PageTime[]> {
  const runs = opts.runs ?? 5;
  const cookie = await signInCookie(opts.baseUrl, "admin@acme.test", opts.password);
  const ids = await sampleIds(opts.databaseUrl, opts.orgId);
  const out: PageTime[] = [];
  for (const t of targets(ids)) {
    if (opts.only && !opts.only.test(t.name)) continue;
    const headers: Record<string, string> = t.api ? { Authorization: `Bearer ${opts.adminKey}` } : { Cookie: cookie };
    const first = await request(opts.baseUrl, "GET", t.path, headers, undefined, t.firstByte);
    const times: number[] = [];
    let last = first;
    for (let i = 0; i < runs; i++) {
      last = await request(opts.baseUrl, "GET", t.path, headers, undefined, t.firstByte);
      times.push(last.ms);
    }
    out.push({ name: t.name, path: t.path, status: last.status, p50: percentile(times, 50), max: Math.max(...times), bytes: last.bytes });
  }
  return out;
}

/** A markdown table of the times, slowest flagged. */
export function renderPageTimes(rows: PageTime[], limitMs = 200): string {
  const lines = ["| page / endpoint | status | p50 ms | max ms |", "| --- | --: | --: | --: |"];
  for (const r of rows) lines.push(`| ${r.name} | ${r.status} | ${r.p50.toFixed(0)} | ${r.max.toFixed(0)}${r.max > limitMs ? " ⚠" : ""} |`);
  return lines.join("\n");
}
