import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import {
  AegisAuthenticationError,
  AegisClient,
  AegisConflictError,
  AegisError,
  AegisNotFoundError,
  AegisPermissionError,
  AegisValidationError,
} from "@aegis-os/sdk";
import { client, createOrg, submitParams, type TestOrg } from "./support/fixtures";

let org: TestOrg;
beforeAll(async () => {
  org = await createOrg();
});
afterEach(() => vi.unstubAllEnvs());

describe("AegisClient configuration", () => {
  it("reads AEGIS_API_KEY and AEGIS_BASE_URL, defaults to localhost:3000 and 10 s", async () => {
    vi.stubEnv("AEGIS_API_KEY", org.agent.key);
    vi.stubEnv("AEGIS_BASE_URL", "http://127.0.0.1:1/");
    const fromEnv = new AegisClient();
    expect(fromEnv.baseUrl).toBe("http://127.0.0.1:1");
    expect(fromEnv.timeout).toBe(10_000);
    vi.unstubAllEnvs();
    vi.stubEnv("AEGIS_BASE_URL", "");
    expect(new AegisClient({ apiKey: "k" }).baseUrl).toBe("http://localhost:3000");
  });

  it("rejects bad options and a missing key before any request", async () => {
    expect(() => new AegisClient({ timeout: 0 })).toThrow(AegisValidationError);
    expect(() => new AegisClient({ maxRetries: -1 })).toThrow(/maxRetries/);
    vi.stubEnv("AEGIS_API_KEY", "");
    const keyless = new AegisClient({ baseUrl: "http://127.0.0.1:1" });
    await expect(keyless.intents.get("int_x")).rejects.toMatchObject({ code: "missing_api_key" });
    await expect(client(org.agent.key).intents.get("")).rejects.toMatchObject({ code: "invalid_argument" });
  });
});

describe("errors: one class per kind of failure, with statusCode, message and code", () => {
  it("401 for a bad key", async () => {
    const err = await client("aegis_sk_doesnotexist000000000000000000")
      .intents.list()
      .firstPage()
      .catch((e) => e);
    expect(err).toBeInstanceOf(AegisAuthenticationError);
    expect(err).toBeInstanceOf(AegisError);
    expect(err).toMatchObject({ statusCode: 401, code: "unauthenticated" });
    expect(err.requestId).toMatch(/^req_/);
    expect(err.message).toMatch(/invalid|revoked/);
  });

  it("400 with field details, carrying the submit's idempotency key", async () => {
    const err = await client(org.agent.key)
      .intents.submit({ ...submitParams(), amount: -1, currency: "IN" })
      .catch((e) => e);
    expect(err).toBeInstanceOf(AegisValidationError);
    expect(err).toMatchObject({ statusCode: 400, code: "validation_error" });
    expect(err.details.map((d: { field: string }) => d.field).sort()).toEqual(["amount", "currency"]);
    expect(err.idempotencyKey).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("403 for an agent key answering an approval, 404 for an unknown intent, 409 for a second answer", async () => {
    const agent = client(org.agent.key);
    const intent = await agent.intents.submit(submitParams({ amount: 2_000_000 }));
    expect(intent.status).toBe("pending_approval");
    await expect(agent.approvals.respond(intent.id, "approve")).rejects.toBeInstanceOf(AegisPermissionError);
    await expect(agent.intents.get("int_doesnotexist")).rejects.toMatchObject({ statusCode: 404, code: "not_found", constructor: AegisNotFoundError });
    await client(org.approver.key).approvals.respond(intent.id, "approve");
    const late = await client(org.approver2.key)
      .approvals.respond(intent.id, "reject")
      .catch((e) => e);
    expect(late).toBeInstanceOf(AegisConflictError);
    expect(late).toMatchObject({ statusCode: 409, code: "approval_already_answered" });
  });
});
