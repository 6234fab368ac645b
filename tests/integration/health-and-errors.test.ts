import { beforeAll, describe, expect, inject, it } from "vitest";
import { api, expectError } from "./support/http";
import { createOrg, intentBody, type TestOrg } from "./support/factories";

let org: TestOrg;
beforeAll(async () => {
  org = await createOrg();
});

describe("health and the OpenAPI document", () => {
  it("health says which database is in use", async () => {
    const res = await api(null, "GET", "/api/health");
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: "ok", database: inject("databaseKind") });
  });

  it("serves an OpenAPI 3.1 document generated from the schemas", async () => {
    const res = await api(null, "GET", "/api/v1/openapi.json");
    expect(res.status).toBe(200);
    expect(res.body.openapi).toBe("3.1.0");
    expect(Object.keys(res.body.paths)).toEqual(
      expect.arrayContaining(["/intents", "/intents/{id}", "/approvals", "/approvals/{id}", "/agents", "/agents/{id}"]),
    );
    const submit = res.body.components.schemas.SubmitIntent;
    expect(submit.required).toEqual(expect.arrayContaining(["amount", "currency", "reason"]));
    expect(submit.additionalProperties).toBe(false);
    // SDK generators name their methods after these.
    const operations = Object.values(res.body.paths as Record<string, Record<string, { operationId?: string }>>).flatMap((p) => Object.values(p));
    expect(operations.filter((o) => !o.operationId)).toEqual([]);
    expect(operations.map((o) => o.operationId)).toEqual(
      expect.arrayContaining(["submitIntent", "getIntent", "listIntents", "listApprovals", "respondToApproval", "listAgents", "getAgent"]),
    );
  });
});

describe("authentication", () => {
  it("rejects a missing, malformed, unknown or revoked key with 401", async () => {
    expectError(await api(null, "GET", "/api/v1/intents"), 401, "unauthenticated");
    expectError(await api(null, "GET", "/api/v1/intents", undefined, { Authorization: "Basic abc" }), 401, "unauthenticated");
    expectError(await api("aegis_sk_doesnotexist0000000000000000", "GET", "/api/v1/intents"), 401, "unauthenticated");
    expectError(await api("not-a-key", "GET", "/api/v1/agents"), 401, "unauthenticated");
  });
});

describe("malformed requests are 4xx with the error body, never 500", () => {
  const post = (body: unknown, headers: Record<string, string> = {}) => api(org.agent.key, "POST", "/api/v1/intents", body, headers);

  it("malformed JSON is 400 invalid_json", async () => {
    expectError(await post("{amount: 12", { "Content-Type": "application/json" }), 400, "invalid_json");
  });

  it("a non-JSON content type is 415", async () => {
    expectError(await post("amount=1", { "Content-Type": "application/x-www-form-urlencoded" }), 415, "unsupported_media_type");
  });

  it("a body that is not an object is 400", async () => {
    expectError(await post("[1,2]"), 400, "validation_error");
  });

  it("an oversized body is 413", async () => {
    const huge = intentBody({ reason: "x".repeat(70 * 1024) });
    expectError(await post(huge), 413, "payload_too_large");
  });

  it.each([
    ["float amount", { amount: 12.5 }, "amount"],
    ["negative amount", { amount: -1 }, "amount"],
    ["zero amount", { amount: 0 }, "amount"],
    ["string amount", { amount: "12500" }, "amount"],
    ["bad currency", { currency: "RUPEES" }, "currency"],
    ["empty reason", { reason: "   " }, "reason"],
    ["confidence above 1", { confidence: 1.2 }, "confidence"],
    ["metadata not an object", { metadata: "x" }, "metadata"],
    ["nested metadata", { metadata: { a: { b: 1 } } }, "metadata.a"],
  ])("%s is a 400 naming the field", async (_name, override, field) => {
    const err = expectError(await post(intentBody(override)), 400, "validation_error");
    expect(err.details.map((d) => d.field)).toContain(field);
  });

  it("an unknown field is a 400 naming it", async () => {
    const err = expectError(await post(intentBody({ amout: 5 })), 400, "validation_error");
    expect(err.details[0]).toMatchObject({ field: "amout" });
  });

  it("a missing required field is a 400", async () => {
    const { reason: _r, ...noReason } = intentBody();
    const err = expectError(await post(noReason), 400, "validation_error");
    expect(err.details.map((d) => d.field)).toContain("reason");
  });

  it("bad query parameters are 400", async () => {
    expectError(await api(org.admin.key, "GET", "/api/v1/intents?limit=0"), 400, "validation_error");
    expectError(await api(org.admin.key, "GET", "/api/v1/intents?limit=101"), 400, "validation_error");
    expectError(await api(org.admin.key, "GET", "/api/v1/intents?status=bogus"), 400, "validation_error");
    expectError(await api(org.admin.key, "GET", "/api/v1/intents?cursor=%%%"), 400, "validation_error");
    expectError(await api(org.admin.key, "GET", "/api/v1/intents?colour=red"), 400, "validation_error");
    expectError(await api(org.admin.key, "GET", "/api/v1/intents?created_after=yesterday"), 400, "validation_error");
  });

  it("an unknown intent is 404 and the body carries a request id", async () => {
    const err = expectError(await api(org.admin.key, "GET", "/api/v1/intents/int_nope"), 404, "not_found");
    expect(err.message).toMatch(/not found/i);
  });
});

describe("unknown endpoints and methods", () => {
  it("an unknown API path is a JSON 404", async () => {
    expectError(await api(org.admin.key, "GET", "/api/v1/wallets"), 404, "not_found");
    expectError(await api(org.admin.key, "POST", "/api/v1/intents/int_x/cancel", {}), 404, "not_found");
  });

  it("an unsupported method is a JSON 405 with Allow", async () => {
    const res = await api(org.admin.key, "DELETE", "/api/v1/intents");
    expectError(res, 405, "method_not_allowed");
    expect(res.headers.get("allow")).toBe("GET, POST");
    expectError(await api(org.admin.key, "PUT", "/api/v1/approvals/apr_x", {}), 405, "method_not_allowed");
  });
});
