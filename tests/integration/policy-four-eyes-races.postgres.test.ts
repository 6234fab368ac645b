import { beforeAll, describe, expect, inject, it } from "vitest";
import { createOrg, createUser, type TestOrg, type TestUser } from "./support/factories";
import { api } from "./support/http";

// Four eyes under concurrency (issue 20 item 6), on PostgreSQL where transactions really run side
// by side: a proposal goes live once, and two changes proposed on one version never both go live
// (the second would silently undo the first).
const onPostgres = inject("databaseKind") === "postgresql";
let org: TestOrg;
let second: TestUser;
let third: TestUser;
beforeAll(async () => {
  org = await createOrg();
  [second, third] = await Promise.all([createUser(org.id, "admin"), createUser(org.id, "admin")]);
});

const current = async () => (await api(org.admin.key, "GET", "/api/v1/policy")).body;
const propose = async (base: { version: number; document: any }, hardLimit: number, key = org.admin.key) => {
  const put = await api(key, "PUT", "/api/v1/policy", {
    base_version: base.version,
    document: { ...base.document, rules: { ...base.document.rules, hard_limit: hardLimit } },
    reason: `hard limit ${hardLimit}`,
  });
  expect(put.status).toBe(202);
  return put.body.id as string;
};
const approve = (key: string, id: string) => api(key, "POST", `/api/v1/policy/proposals/${id}/approve`);

describe.runIf(onPostgres)("four eyes on policy, racing (PostgreSQL)", () => {
  it("two admins approving one proposal at once: one 200, one 409, one new version; five times over", async () => {
    for (let round = 0; round < 5; round++) {
      const base = await current();
      const id = await propose(base, 9_000_000 + round);
      const answers = await Promise.all([approve(second.key, id), approve(third.key, id)]);
      expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
      const after = await current();
      expect(after.version).toBe(base.version + 1);
      expect(after.document.rules.hard_limit).toBe(9_000_000 + round);
    }
  });

  it("two proposals on the same version approved at once: exactly one goes live, the other is superseded", async () => {
    for (let round = 0; round < 5; round++) {
      const base = await current();
      const a = await propose(base, 8_000_000 + round);
      const b = await propose(base, 7_000_000 + round, second.key);
      // Each approved by an admin who did not propose it.
      const answers = await Promise.all([approve(third.key, a), approve(org.admin.key, b)]);
      expect(answers.map((x) => x.status).sort()).toEqual([200, 409]);
      const after = await current();
      expect(after.version).toBe(base.version + 1);
      const won = answers[0].status === 200 ? 8_000_000 + round : 7_000_000 + round;
      expect(after.document.rules.hard_limit).toBe(won);
      const loser = answers[0].status === 200 ? b : a;
      const listed = await api(org.admin.key, "GET", "/api/v1/policy/proposals?status=superseded");
      expect(listed.body.data.map((p: { id: string }) => p.id)).toContain(loser);
    }
  });
});
