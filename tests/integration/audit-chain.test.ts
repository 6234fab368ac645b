import { beforeAll, describe, expect, it } from "vitest";
import { eventually } from "./support/database";
import { admin, createOrg, intentBody, type TestOrg } from "./support/factories";
import { api, expectError } from "./support/http";

let org: TestOrg;
beforeAll(async () => {
  org = await createOrg();
  // A few events of several kinds: intents decided, a funding, a policy change.
  for (const amount of [1_000, 2_000, 3_000]) await api(org.agent.key, "POST", "/api/v1/intents", intentBody({ amount }));
  await admin(["wallet", "fund"], { agent: org.agent.id, amount: 5_000 });
});

const verify = () => api(org.admin.key, "GET", "/api/v1/audit/verify");

describe("tamper-evident audit log", () => {
  it("seals every event into the organisation's chain shortly after it is recorded", async () => {
    const res = await eventually(verify, (r) => r.body.pending === 0);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ object: "audit_chain_report", org_id: org.id, ok: true, pending: 0, first_broken: null });
    // org, 4 users, 1 agent, 5 keys, 3 submitted + 3 decided, 1 funding.
    expect(res.body.checked).toBeGreaterThanOrEqual(18);
    expect(res.body.head).toEqual({ seq: String(res.body.checked), hash: expect.stringMatching(/^[0-9a-f]{64}$/) });
  });

  it("verifies from the CLI and exports JSON lines with the chain fields and CSV", async () => {
    await eventually(verify, (r) => r.body.pending === 0);
    const [report] = await admin<any[]>(["audit", "verify"], { org: org.id });
    expect(report).toMatchObject({ org_id: org.id, ok: true, pending: 0 });
    const today = new Date().toISOString().slice(0, 10);
    const jsonl = await admin<string>(["audit", "export"], { org: org.id, from: today, to: today, format: "jsonl" });
    const lines = jsonl
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(lines.length).toBe(report.checked);
    expect(lines.every((l) => l.org_id === org.id && /^[0-9a-f]{64}$/.test(l.hash) && l.seq !== null)).toBe(true);
    const csv = await admin<string>(["audit", "export"], { org: org.id, from: today, to: today });
    expect(csv.split("\r\n")[0]).toBe("time_utc,action,actor_type,actor,target_type,target_id,amount,currency,details");
    expect(csv.trim().split("\r\n").length).toBe(report.checked + 1);
    // A range before anything happened is empty.
    expect(await admin<string>(["audit", "export"], { org: org.id, to: "2020-01-01", format: "jsonl" })).toBe("");
    await expect(admin(["audit", "export"], { org: org.id, format: "xml" })).rejects.toThrow(/400/);
  });

  it("is for admins only", async () => {
    expectError(await api(org.approver.key, "GET", "/api/v1/audit/verify"), 403, "forbidden");
    expectError(await api(org.agent.key, "GET", "/api/v1/audit/verify"), 403, "forbidden");
  });
});
