import crypto from "node:crypto";
import fc from "fast-check";
import { hostileBody, hostileCursor, hostileQuery, hostileSegment, hostileValue, plausible } from "./hostile-values";
import { dashboardRoutes, OUTSIDE_OPENAPI, serverActions, type Operation } from "./hostile-routes";

/** One request of the suite; `target` names what it covers ("POST /api/v1/intents", "page /agents/[id]", "action fundWalletAction"). */
export type Req = {
  method: string;
  path: string;
  headers?: Record<string, string>;
  body?: string;
  kind: "api" | "auth" | "page" | "action";
  target: string;
  localAddress?: string;
  name?: string;
};

export type Org = {
  id: string;
  agentId: string;
  agentKey: string;
  adminKey: string;
  approverKey: string;
  viewerKey: string;
  adminEmail: string;
  viewerEmail: string;
};
export type World = { baseUrl: string; orgs: Org[]; cookie: string; viewerCookie: string; csrf: { token: string; cookie: string }; ids: string[] };

/** API operations that move money: only principals that may never move organisation A's money send them. */
const MONEY_OPERATIONS = new Set(["submitIntent", "captureIntent", "voidIntent", "respondToApproval"]);
/**
 * Server actions that can move money or release holds (fund, answer, create with a balance,
 * suspend rejecting waiting approvals): sent as organisation A's viewer, who may do none of it.
 */
export const MONEY_ACTIONS = new Set(["fundWalletAction", "respondToApprovalAction", "createAgentAction", "setAgentStatusAction"]);
const FORGED = "aegis_sk_forged000000000000000000000000";
const PAGE_PARAMS = [
  "q",
  "status",
  "agent",
  "category",
  "from",
  "to",
  "min",
  "max",
  "actor",
  "target",
  "action",
  "sort",
  "cursor",
  "days",
  "missing",
  "error",
  "callbackUrl",
  "limit",
];

const json = (v: unknown) => JSON.stringify(v) ?? "null";
const bodyText = (arb: fc.Arbitrary<unknown>) =>
  fc.oneof({ weight: 8, arbitrary: arb.map(json) }, { weight: 1, arbitrary: fc.constantFrom("{bad", "[]", "null", '{"a":1', "\u0000", "{}", "") });
const contentType = fc.constantFrom("application/json", "application/json; charset=utf-8", "text/plain", "application/x-www-form-urlencoded");
const idemKey = fc.option(
  fc.oneof(
    fc.string({ maxLength: 300 }).filter((s) => /^[\x20-\x7e]*$/.test(s)),
    fc.constant("x".repeat(300)),
  ),
);

/** Requests for one OpenAPI operation: hostile ids, query and body, from every kind of caller. */
function operationRequests(op: Operation, w: World): fc.Arbitrary<Req> {
  const [a, b] = w.orgs;
  const asAuth = (k: string) => (k ? { Authorization: `Bearer ${k}` } : ({} as Record<string, string>));
  const money = MONEY_OPERATIONS.has(op.operationId);
  const keys = money
    ? op.operationId === "respondToApproval"
      ? [a.agentKey, a.viewerKey, b.adminKey, b.approverKey, FORGED]
      : [a.viewerKey, b.adminKey, b.approverKey, FORGED, ""]
    : [a.agentKey, a.adminKey, a.approverKey, a.viewerKey, b.adminKey, b.agentKey, FORGED, "not a key", ""];
  const anyId = fc.oneof(hostileSegment, fc.constantFrom(...w.ids, crypto.randomUUID(), "int_000000000000000000000000"));
  const pathArb = op.template.includes("{") ? anyId.map((id) => op.template.replace(/\{[^}]+\}/g, id)) : fc.constant(op.template);
  // A long-poll's wait is kept at 0 (hostile waits have their own generator below) so the suite does not sit in polls.
  const query = op.query.length
    ? fc.oneof(
        hostileQuery(op.query).map((q) => q.replace(/(^|&)wait=[^&]*/g, "$1wait=0")),
        op.query.includes("cursor") ? hostileCursor.map((c) => `cursor=${c}`) : fc.constant(""),
      )
    : fc.constant("");
  const fields = Object.keys(op.body?.properties ?? {});
  const valid = (op.example as Record<string, unknown>) ?? (plausible(op.body ?? undefined, a) as Record<string, unknown>);
  const body = op.body ? bodyText(hostileBody(fields, { ...valid, ...(fields.includes("agent_id") ? { agent_id: a.agentId } : {}) })) : fc.constant(undefined);
  return fc.record({ p: pathArb, q: query, auth: fc.constantFrom(...keys).map(asAuth), body, type: contentType, idem: idemKey }).map((r): Req => ({
    method: op.method,
    path: r.q ? `${r.p}?${r.q}` : r.p,
    kind: "api",
    target: `${op.method} ${op.template}`,
    body: r.body,
    headers: { ...r.auth, ...(r.body !== undefined ? { "Content-Type": r.type } : {}), ...(r.idem ? { "Idempotency-Key": r.idem } : {}) },
  }));
}

/** The API handlers the OpenAPI document does not describe (each listed in OUTSIDE_OPENAPI). */
function outsideRequests(w: World): fc.Arbitrary<Req>[] {
  const auth = fc.constantFrom(w.orgs[0].adminKey, FORGED, "").map((k) => (k ? { Authorization: `Bearer ${k}` } : ({} as Record<string, string>)));
  const api = (target: string, method: string, p: fc.Arbitrary<string>, body?: fc.Arbitrary<string>) =>
    fc.record({ p, auth, body: body ?? fc.constant(undefined) }).map((r): Req => ({
      method,
      path: r.p,
      kind: "api",
      target,
      body: r.body,
      headers: { ...r.auth, ...(r.body !== undefined ? { "Content-Type": "application/json" } : {}) },
    }));
  const rpc = bodyText(
    fc.record({
      jsonrpc: fc.constant("2.0"),
      id: fc.integer(),
      method: fc.constantFrom("tools/call", "tools/list", "initialize", "\u0000"),
      params: hostileValue,
    }),
  );
  return [
    api(
      "GET /api/health",
      "GET",
      hostileSegment.map((s) => `/api/health?${s}`),
    ),
    api(
      "GET /api/v1/openapi.json",
      "GET",
      hostileSegment.map((s) => `/api/v1/openapi.json?x=${s}`),
    ),
    api("GET /api/mcp", "GET", fc.constant("/api/mcp")),
    api("POST /api/mcp", "POST", fc.constant("/api/mcp"), rpc),
    api("DELETE /api/mcp", "DELETE", fc.constant("/api/mcp")),
    api("POST /api/internal/admin", "POST", fc.constant("/api/internal/admin"), bodyText(fc.record({ command: hostileValue, args: hostileValue }))),
    api(
      "POST /api/rails/[connectionId]",
      "POST",
      hostileSegment.map((s) => `/api/rails/${s}`),
      bodyText(fc.record({ id: hostileValue, type: fc.constantFrom("issuing_authorization.request", "\u0000"), data: hostileValue })),
    ),
    ...["GET", "POST", "PUT", "PATCH", "DELETE"].map((m) =>
      api(
        `${m} /api/v1/[...path]`,
        m,
        fc.tuple(hostileSegment, hostileSegment).map(([x, y]) => `/api/v1/${x || "nope"}/${y}/z`),
      ),
    ),
  ];
}

/** Methods no route answers, and methods a route does not answer (405s in the API error shape). */
function wrongMethodRequests(w: World, templates: string[]): fc.Arbitrary<Req> {
  return fc
    .record({
      m: fc.constantFrom("PUT", "PATCH", "DELETE", "OPTIONS", "HEAD", "TRACE", "PROPFIND", "M-SEARCH", "POST", "GET"),
      p: fc.constantFrom(...templates).map((t) => t.replace(/\{[^}]+\}|\[[^\]]+\]/g, w.ids[0]!)),
      k: fc.constantFrom(w.orgs[0].viewerKey, FORGED),
    })
    .map((r): Req => ({ method: r.m, path: r.p, headers: { Authorization: `Bearer ${r.k}` }, kind: "api", target: "wrong method" }));
}

/** next-auth's routes; a third of the sign-ins carry a valid CSRF token so the hostile credentials reach authorize(). */
function authRequests(w: World): fc.Arbitrary<Req> {
  const fields = fc.record({ email: hostileValue, password: hostileValue, csrfToken: fc.option(hostileValue), callbackUrl: fc.option(hostileValue) });
  const form = (b: Record<string, unknown>) =>
    new URLSearchParams(Object.entries(b).map(([k, v]) => [k, typeof v === "string" ? v : (JSON.stringify(v) ?? "")])).toString();
  const target = "POST /api/auth/[...nextauth]";
  return fc.oneof(
    fc.tuple(fields, fc.boolean()).map(([b, asJson]): Req => ({
      method: "POST",
      path: "/api/auth/callback/credentials",
      kind: "auth",
      target,
      localAddress: "127.0.0.9",
      headers: { "Content-Type": asJson ? "application/json" : "application/x-www-form-urlencoded" },
      body: asJson ? JSON.stringify(b) : form(b),
    })),
    fields.map((b): Req => ({
      method: "POST",
      path: "/api/auth/callback/credentials",
      kind: "auth",
      target,
      localAddress: "127.0.0.10",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: w.csrf.cookie },
      body: form({ ...b, csrfToken: w.csrf.token, json: "true" }),
    })),
    fc.constantFrom("{bad", "\u0000", "email=%00", "a=1&a=2", "").map((body): Req => ({
      method: "POST",
      path: "/api/auth/callback/credentials",
      kind: "auth",
      target,
      localAddress: "127.0.0.9",
      body,
      headers: { "Content-Type": "application/json" },
    })),
    fc
      .tuple(fc.constantFrom("csrf", "session", "providers", "signin", "signout", "error", "callback/credentials", "callback/nope", "%00"), hostileSegment)
      .map(([p, q]): Req => ({
        method: "GET",
        path: `/api/auth/${p}?error=${q}&callbackUrl=${q}`,
        kind: "auth",
        target: "GET /api/auth/[...nextauth]",
        localAddress: "127.0.0.9",
      })),
  );
}

/** One dashboard route (page or handler) with hostile ids and query, signed in as admin or viewer, or not at all. */
function dashboardRequests(route: string, w: World): fc.Arbitrary<Req> {
  const anyId = fc.oneof(hostileSegment, fc.constantFrom(...w.ids));
  return fc
    .record({
      id: anyId,
      params: fc.array(fc.tuple(fc.constantFrom(...PAGE_PARAMS), fc.oneof(hostileSegment, fc.constant(""))), { minLength: 1, maxLength: 4 }),
      who: fc.constantFrom(w.cookie, w.cookie, w.viewerCookie, ""),
    })
    .map((r): Req => ({
      method: "GET",
      path: `${route.replace(/\[[^\]]+\]/g, r.id)}?${r.params.map(([k, v]) => `${k}=${v}`).join("&")}`,
      kind: "page",
      target: `page ${route}`,
      headers: r.who ? { Cookie: r.who } : {},
    }));
}

/** One server action with hostile arguments, posted to a page that carries it, as the browser does. */
function actionRequests(action: { name: string; id: string; pages: string[] }, w: World): fc.Arbitrary<Req> {
  const [a, b] = w.orgs;
  const plausibleArg = fc.constantFrom(...w.ids, "approve", "admin", "suspended", "INR", "100", 30, true, null, "");
  const cookie = MONEY_ACTIONS.has(action.name) ? w.viewerCookie : w.cookie;
  return fc
    .record({
      args: fc.array(fc.oneof(hostileValue, plausibleArg), { maxLength: 5 }),
      page: fc.constantFrom(...action.pages),
      id: fc.constantFrom(a.agentId, b.agentId, ...w.ids),
      signedIn: fc.constantFrom(true, true, true, false),
      garbled: fc.constantFrom(false, false, false, false, true),
    })
    .map((r): Req => ({
      method: "POST",
      path: r.page.replace(/\[[^\]]+\]/g, r.id),
      kind: "action",
      target: `action ${action.name}`,
      name: action.name,
      body: r.garbled ? "\u0000{[" : JSON.stringify(r.args),
      headers: {
        "Next-Action": action.id,
        Accept: "text/x-component",
        "Content-Type": "text/plain;charset=UTF-8",
        Origin: w.baseUrl,
        ...(r.signedIn ? { Cookie: cookie } : {}),
      },
    }));
}

/**
 * The suite's requests: `perTarget` of every target first (every API operation and handler,
 * dashboard route and server action is covered whatever the sample), then a weighted sample
 * up to `total`. Pages and server actions render React and cost ~10x an API call, so the
 * sample leans on the API while every dashboard target still gets its share.
 */
export function buildRequests(w: World, ops: Operation[], total: number, seed: number, perTarget = { api: 4, dashboard: 4, action: 6 }) {
  const api = [...ops.map((op) => operationRequests(op, w)), ...outsideRequests(w)];
  const templates = [...ops.map((o) => o.template), ...OUTSIDE_OPENAPI.map((t) => t.split(" ")[1]!)];
  const wrong = wrongMethodRequests(w, [...new Set(templates)]);
  const auth = authRequests(w);
  const dash = dashboardRoutes().map((r) => dashboardRequests(r.route, w));
  const actions = serverActions().map((a) => actionRequests(a, w));
  const sample = (arb: fc.Arbitrary<Req>, n: number, i: number) => fc.sample(arb, { numRuns: n, seed: seed + i });
  const fixed = [
    ...api.flatMap((arb, i) => sample(arb, perTarget.api, i)),
    ...sample(wrong, 40, 1000),
    ...sample(auth, 40, 1001),
    ...dash.flatMap((arb, i) => sample(arb, perTarget.dashboard, 2000 + i)),
    ...actions.flatMap((arb, i) => sample(arb, perTarget.action, 3000 + i)),
  ];
  const mix = fc.oneof(
    { weight: 92, arbitrary: fc.oneof(...api, wrong) },
    { weight: 4, arbitrary: auth },
    { weight: 2, arbitrary: fc.oneof(...dash) },
    { weight: 2, arbitrary: fc.oneof(...actions) },
  );
  return [...fixed, ...sample(mix, Math.max(0, total - fixed.length), 9999)];
}
