import { beforeAll, describe, expect, it } from "vitest";
import { api, expectError } from "./support/http";
import { createOrg, intentBody, type TestOrg } from "./support/factories";
import { raw, signIn } from "./support/session";

// Issue 9, finding 5: input the database cannot take is refused at the edge (400/404/405
// with the API error body), on the API and on dashboard pages and the CSV export.
let org: TestOrg;
let cookie: string;
const cursor = (s: string) => Buffer.from(s).toString("base64url");
beforeAll(async () => {
  org = await createOrg();
  cookie = (await signIn(org.admin.email, "correct horse battery")).cookie!;
});

describe("API", () => {
  it("NUL and lone surrogates in strings, metadata values and keys are 400", async () => {
    for (const body of [
      intentBody({ reason: "a\u0000b" }),
      intentBody({ merchant: "x\uD800" }),
      intentBody({ metadata: { note: "nul \u0000 here" } }),
      intentBody({ metadata: { ["k\uDC00"]: 1 } }),
      intentBody({ metadata: { tags: ["ok", "\u0000"] } }),
    ]) {
      expectError(await api(org.agent.key, "POST", "/api/v1/intents", body), 400, "validation_error");
    }
    expectError(await api(org.admin.key, "POST", "/api/v1/approvals/apr_x", { decision: "approve", comment: "\u0000" }), 400, "validation_error");
  });

  it("ids that are not ids are 404, NUL in paths included", async () => {
    expectError(await api(org.admin.key, "GET", "/api/v1/intents/int_%00"), 404, "not_found");
    expectError(await api(org.admin.key, "GET", `/api/v1/agents/${"-".repeat(36)}`), 404, "not_found");
    expectError(await api(org.admin.key, "GET", "/api/v1/agents/zzzzzzzz-zzzz-zzzz-zzzz-zzzzzzzzzzzz"), 404, "not_found");
    expectError(await api(org.admin.key, "POST", "/api/v1/approvals/apr_%00x", { decision: "approve" }), 404, "not_found");
  });

  it("query strings with NUL, dates outside the database's range and doctored cursors are 400", async () => {
    for (const q of [
      "merchant_category=a%00",
      "created_after=0000-01-01",
      "created_before=0000-12-31T00:00:00Z",
      `cursor=${cursor("-271821-04-20T00:00:00.000Z|int_x")}`,
      `cursor=${cursor("2026-01-01T00:00:00.000Z|int_\u0000")}`,
      `cursor=${cursor("2026-01-01T00:00:00.000Z|a|b")}`,
    ]) {
      expectError(await api(org.admin.key, "GET", `/api/v1/intents?${q}`), 400, "validation_error");
    }
    expectError(await api(org.admin.key, "GET", `/api/v1/agents?cursor=${cursor("2026-01-01T00:00:00.000Z|int_notauuid")}`), 400, "validation_error");
    expectError(await api(org.admin.key, "GET", "/api/v1/approvals?cursor=%00"), 400, "validation_error");
  });

  it("TRACE and methods the app does not know are 405, ones HTTP itself does not know 400, with the error body", async () => {
    for (const [method, status] of [
      ["TRACE", 405],
      ["PROPFIND", 405],
      ["TRACK", 400],
    ] as const) {
      const res = await raw(method, "/api/v1/intents", { headers: { Authorization: `Bearer ${org.admin.key}` } });
      expect(res.status, method).toBe(status);
      const err = JSON.parse(res.body).error;
      expect(err).toMatchObject({ status });
      expect(err.request_id).toMatch(/^req_/);
      expect(res.headers["x-request-id"]).toBe(err.request_id);
    }
    expect((await raw("TRACE", "/inbox")).status).toBe(405);
  });
});

describe("found by the hostile-input suite", () => {
  it("paths that are not UTF-8, junk callback URLs and unreadable server-action bodies are 400 with the error body", async () => {
    for (const [method, path, extra] of [
      ["GET", "/api/v1/intents/%FF", {}],
      ["GET", "/agents/%ED%A0%80", {}],
      ["GET", "/api/auth/session?callbackUrl=%25", {}],
      ["GET", "/api/auth/providers?callbackUrl=------", {}],
      ["POST", "/policies", { body: "\u0000{[", headers: { "Next-Action": "0".repeat(42), "Content-Type": "text/plain;charset=UTF-8", Cookie: cookie } }],
    ] as const) {
      const res = await raw(method, path, extra as { body?: string; headers?: Record<string, string> });
      expect(res.status, path).toBe(400);
      expect(JSON.parse(res.body).error).toMatchObject({ status: 400, code: "validation_error" });
    }
  });
});

describe("found by the hostile-input suite in npm test", () => {
  it("a NUL in any API path id is a 404, never a database error", async () => {
    for (const path of [
      "/api/v1/webhook-endpoints/%00",
      "/api/v1/approver-groups/grp_%00",
      "/api/v1/delegations/%00",
      "/api/v1/webhook-deliveries/%00/replay",
    ]) {
      const method = path.endsWith("replay") ? "POST" : path.includes("delegations") ? "DELETE" : "GET";
      expectError(await api(org.admin.key, method, path), 404, "not_found");
    }
  });

  it("methods a handler lacks and sign-in routes next-auth lacks answer in the API error body", async () => {
    for (const [method, path, status] of [
      ["POST", "/api/health", 405],
      ["DELETE", "/api/v1/openapi.json", 405],
      ["GET", "/api/internal/admin", 405],
      ["PUT", "/api/mcp", 405],
      ["POST", "/api/auth/nope", 404],
      ["GET", "/api/auth/nope", 404],
    ] as const) {
      const res = await raw(method, path, { headers: { Authorization: `Bearer ${org.admin.key}` } });
      expect(res.status, `${method} ${path}`).toBe(status);
      expect(JSON.parse(res.body).error, `${method} ${path}`).toMatchObject({ status });
    }
  });

  it("a server action body with a reference React's reply format cannot resolve is a 400, not Next.js's 500", async () => {
    for (const args of [["${7*7}"], [{ a: "$1" }], ["$@0", 5]]) {
      const res = await raw("POST", "/policies", {
        body: JSON.stringify(args),
        headers: { "Next-Action": "0".repeat(42), "Content-Type": "text/plain;charset=UTF-8", Cookie: cookie },
      });
      expect(res.status, JSON.stringify(args)).toBe(400);
      expect(JSON.parse(res.body).error).toMatchObject({ status: 400, code: "validation_error" });
    }
  });
});

describe("dashboard", () => {
  const page = (path: string) => raw("GET", path, { headers: { Cookie: cookie } });

  it("pages render (200) with the same hostile filters, reporting what they ignored", async () => {
    for (const path of [
      "/intents?category=a%00",
      "/intents?from=0000-01-01&to=9999-12-31",
      `/intents?agent=${"-".repeat(36)}`,
      `/intents?cursor=${cursor("-271821-04-20T00:00:00.000Z|int_x")}`,
      "/intents?status=approved&status=denied",
      "/audit?actor=%00&target=%ED%A0%80",
      `/audit?cursor=${cursor("2026-01-01T00:00:00.000Z|\u0000")}&from=0000-01-01`,
      "/audit?action=a&action=b",
    ]) {
      const res = await page(path);
      expect(res.status, path).toBe(200);
      expect(res.body, path).not.toMatch(/Application error|Internal Server Error/);
    }
    expect((await page("/intents?category=a%00")).body).toContain("Ignored filters");
  });

  it("the CSV export answers a whole CSV for hostile filters, never a cut stream", async () => {
    const res = await page(`/audit/export?actor=%00&from=0000-01-01&to=9999-12-31&target=${encodeURIComponent("\u0000")}`);
    expect(res.status).toBe(200);
    expect(res.headers["content-type"]).toMatch(/text\/csv/);
    expect(res.body.split("\n")[0]).toMatch(/^time_utc,action,/);
  });
});
