import { beforeAll, describe, expect, it } from "vitest";
import { api, expectError } from "./support/http";
import { createOrg, type TestOrg } from "./support/factories";
import { awaitFreshWindow } from "./support/limit-window";

let org: TestOrg;
beforeAll(async () => {
  org = await createOrg();
});

describe("per-key rate limit (the test server runs with 300 requests/minute)", () => {
  it("answers 429 with Retry-After once a key exceeds its limit, without affecting other keys", async () => {
    await awaitFreshWindow(40_000); // windows are aligned to the minute: fill one whole
    const statuses: number[] = [];
    for (let batch = 0; batch < 16 && !statuses.includes(429); batch++) {
      const res = await Promise.all(Array.from({ length: 25 }, () => api(org.viewer.key, "GET", "/api/v1/agents?limit=1")));
      statuses.push(...res.map((r) => r.status));
    }
    expect(statuses.filter((s) => s === 200).length).toBeGreaterThanOrEqual(290);
    expect(statuses).toContain(429);
    const limited = await api(org.viewer.key, "GET", "/api/v1/agents?limit=1");
    const err = expectError(limited, 429, "rate_limited");
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(err.message).toMatch(/rate limit/i);
    expect((await api(org.admin.key, "GET", "/api/v1/agents?limit=1")).status).toBe(200);
  });
});
