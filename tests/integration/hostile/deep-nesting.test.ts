import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { admin, createOrg, intentBody, type TestOrg } from "../support/factories";
import { raw, signIn, type RawResponse } from "../support/session";
import { OUTSIDE_OPENAPI, operationsOf, serverActions, type Operation } from "./hostile-routes";

/**
 * Issue 17, item 5: deeply nested JSON is a 400, never a 500, on every endpoint and for any
 * body within the size limit (5,000 levels answered 500 on POST /intents and /approvals/{id}).
 * Every API operation with a body (from the OpenAPI document), every JSON handler outside it,
 * and every server action gets nesting just past the limit, 5,000 levels, and the deepest
 * nesting 64 KiB can carry, as the whole body and inside a field.
 */
const LIMIT = 32;
const objects = (n: number) => '{"a":'.repeat(n) + "1" + "}".repeat(n);
const arrays = (n: number) => "[".repeat(n) + "]".repeat(n);
const DEEP = [
  { name: `${LIMIT + 1} levels`, text: objects(LIMIT + 1) },
  { name: "5,000 levels of objects", text: objects(5000) },
  { name: "5,000 levels of arrays", text: arrays(5000) },
  { name: "32,000 levels of arrays (64 KiB)", text: arrays(32_000) },
];

let org: TestOrg;
let cookie: string;
let approvalId: string;
let intentId: string;
let operations: Operation[];
const baseUrl = () => inject("baseUrl");

beforeAll(async () => {
  org = await createOrg();
  cookie = (await signIn(org.admin.email, "correct horse battery")).cookie!;
  const intent = (
    await raw("POST", "/api/v1/intents", {
      headers: { Authorization: `Bearer ${org.agent.key}`, "Content-Type": "application/json" },
      body: JSON.stringify(intentBody({ amount: 2_000_000 })),
    })
  ).body;
  ({
    id: intentId,
    approval: { id: approvalId },
  } = JSON.parse(intent));
  operations = operationsOf(JSON.parse((await raw("GET", "/api/v1/openapi.json")).body));
});

const isApiError = (res: RawResponse) => {
  try {
    const e = JSON.parse(res.body).error;
    return e.status === res.status && typeof e.code === "string" && /^req_/.test(e.request_id) && Array.isArray(e.details);
  } catch {
    return false;
  }
};

/** The body with the deep value in place of one field of a plausible body, or as the whole body. */
const variants = (deep: string, fields: string[]) => [
  deep,
  ...fields.slice(0, 3).map((f) => `{${JSON.stringify(f)}:${deep}}`),
  `{"reason":"x","metadata":{"k":${deep}}}`,
];

describe("deeply nested JSON is a 400 in the API error body, never a 5xx", () => {
  it("the two endpoints the review named: POST /api/v1/intents and POST /api/v1/approvals/{id}", async () => {
    for (const { name, text } of DEEP) {
      const submit = await raw("POST", "/api/v1/intents", {
        headers: { Authorization: `Bearer ${org.agent.key}`, "Content-Type": "application/json" },
        body: `{"amount":100,"currency":"INR","reason":"deep","metadata":{"k":${text}}}`,
      });
      expect([submit.status, isApiError(submit)], `intents, ${name}`).toEqual([400, true]);
      for (const id of [approvalId, intentId]) {
        const answer = await raw("POST", `/api/v1/approvals/${id}`, {
          headers: { Authorization: `Bearer ${org.approver.key}`, "Content-Type": "application/json" },
          body: `{"decision":"approve","comment":${text}}`,
        });
        expect([answer.status, isApiError(answer)], `approvals, ${name}`).toEqual([400, true]);
        expect(JSON.parse(answer.body).error.details[0].issue).toMatch(/nested more than 32 levels/);
      }
    }
    // Nothing was answered by any of it.
    const intent = JSON.parse((await raw("GET", `/api/v1/intents/${intentId}`, { headers: { Authorization: `Bearer ${org.agent.key}` } })).body);
    expect(intent.status).toBe("pending_approval");
  });

  it("every API operation with a JSON body", async () => {
    const withBody = operations.filter((o) => o.body);
    expect(withBody.length).toBeGreaterThan(10);
    const failures: string[] = [];
    for (const op of withBody) {
      const p = op.template.replace(/\{[^}]+\}/g, op.template.includes("approvals") ? approvalId : intentId);
      const key = op.operationId === "submitIntent" ? org.agent.key : org.admin.key;
      for (const { name, text } of DEEP) {
        for (const body of variants(text, Object.keys(op.body?.properties ?? {}))) {
          const send = () => raw(op.method, p, { headers: { Authorization: `Bearer ${key}`, "Content-Type": "application/json" }, body });
          let res = await send();
          // Several bodies for each of the API's operations pass the admin key's per-minute limit (more
          // with every new operation): wait out the window the server names and send that body again.
          if (res.status === 429) {
            await new Promise((r) => setTimeout(r, (Number(res.headers["retry-after"]) + 1) * 1000));
            res = await send();
          }
          if (res.status >= 500 || !isApiError(res)) failures.push(`${op.method} ${op.template} (${name}): ${res.status} ${res.body.slice(0, 120)}`);
          else if (res.status !== 400 && res.status !== 404) failures.push(`${op.method} ${op.template} (${name}): ${res.status}, expected 400`);
        }
      }
    }
    expect(failures).toEqual([]);
  }, 150_000);

  it("MCP, sign-in and the CLI's admin channel (the JSON handlers outside the OpenAPI document)", async () => {
    expect(OUTSIDE_OPENAPI).toEqual(expect.arrayContaining(["POST /api/mcp", "POST /api/auth/[...nextauth]", "POST /api/internal/admin"]));
    const token = fs.readFileSync(path.join(inject("dataDir"), "admin-token"), "utf8").trim();
    for (const { name, text } of DEEP) {
      const mcp = await raw("POST", "/api/mcp", {
        headers: { Authorization: `Bearer ${org.agent.key}`, "Content-Type": "application/json", Accept: "application/json, text/event-stream" },
        body: `{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"submit_spend_intent","arguments":{"amount":1,"currency":"INR","reason":"x","metadata":{"k":${text}}}}}`,
      });
      expect([mcp.status, isApiError(mcp)], `mcp, ${name}`).toEqual([400, true]);
      const signInRes = await raw("POST", "/api/auth/callback/credentials", { headers: { "Content-Type": "application/json" }, body: `{"email":${text}}` });
      expect([signInRes.status, isApiError(signInRes)], `sign-in, ${name}`).toEqual([400, true]);
      const adminRes = await raw("POST", "/api/internal/admin", {
        headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
        body: `{"command":["org","list"],"args":${text}}`,
      });
      expect([adminRes.status, isApiError(adminRes)], `admin channel, ${name}`).toEqual([400, true]);
    }
    expect((await admin(["org", "list"])).length).toBeGreaterThan(0); // the channel still answers
  });

  it("every server action, signed in, as the browser sends it", async () => {
    const actions = serverActions();
    expect(actions.length).toBeGreaterThan(25);
    const failures: string[] = [];
    for (const action of actions) {
      for (const { name, text } of DEEP) {
        const send = () =>
          raw("POST", action.pages[0]!.replace(/\[[^\]]+\]/g, org.agent.id), {
            body: `[${text}]`,
            headers: { "Next-Action": action.id, Accept: "text/x-component", "Content-Type": "text/plain;charset=UTF-8", Origin: baseUrl(), Cookie: cookie },
          });
        let res = await send();
        // Four bodies for each of more than 50 actions pass one person's dashboard limit (200 a minute
        // in the test run): wait out the window the server names and send that body again.
        if (res.status === 429) {
          await new Promise((r) => setTimeout(r, (Number(res.headers["retry-after"]) + 1) * 1000));
          res = await send();
        }
        if (res.status !== 400 || !isApiError(res)) failures.push(`${action.name} (${name}): ${res.status} ${res.body.slice(0, 120)}`);
      }
    }
    expect(failures).toEqual([]);
  }, 150_000);
});
