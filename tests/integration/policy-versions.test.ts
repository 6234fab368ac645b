import { beforeAll, describe, expect, it } from "vitest";
import { admin, createOrg, type TestOrg } from "./support/factories";
import { api, expectError } from "./support/http";

let org: TestOrg;
beforeAll(async () => {
  org = await createOrg();
});

const current = async () => (await api(org.admin.key, "GET", "/api/v1/policy")).body;

describe("policy versions and stale saves", () => {
  it("saves a version on top of the current one, with author, time and a readable diff", async () => {
    const before = await current();
    expect(before).toMatchObject({ object: "policy", version: 0, updated_by: null });
    const doc = { ...before.document, rules: { ...before.document.rules, hard_limit: 4_000_000 } };
    const saved = await api(org.admin.key, "PUT", "/api/v1/policy", { base_version: 0, document: doc, reason: "Cap single spends" });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ version: 1, updated_by: org.admin.email });
    expect(saved.body.document.rules.hard_limit).toBe(4_000_000);

    const versions = await api(org.viewer.key, "GET", "/api/v1/policy/versions");
    expect(versions.status).toBe(200);
    expect(versions.body.data[0]).toMatchObject({ version: 1, base_version: 0, created_by: org.admin.email });
    expect(versions.body.data[0].changes).toEqual([{ path: "rules.hard_limit", kind: "changed", before: before.document.rules.hard_limit, after: 4_000_000 }]);
  });

  it("refuses a save based on a version someone else has replaced (409), in the API and the CLI", async () => {
    const base = await current();
    const mine = { ...base.document, rules: { ...base.document.rules, auto_approve_limit: 100 } };
    const theirs = { ...base.document, rules: { ...base.document.rules, auto_approve_limit: 200 } };
    expect((await api(org.admin.key, "PUT", "/api/v1/policy", { base_version: base.version, document: theirs, reason: "theirs" })).status).toBe(200);
    const stale = expectError(
      await api(org.admin.key, "PUT", "/api/v1/policy", { base_version: base.version, document: mine, reason: "mine" }),
      409,
      "conflict",
    );
    expect(stale.details).toEqual([{ field: "base_version", issue: `current version is ${base.version + 1}` }]);
    expect((await current()).document.rules.auto_approve_limit).toBe(200);

    // The CLI: the file `policy show` wrote names its base; once stale, the save is refused.
    const shown = await admin<Record<string, unknown>>(["policy", "show"], { org: org.id });
    expect(shown.base_version).toBe(base.version + 1);
    await admin(["policy", "set"], { org: org.id, policy: shown, reason: "Operator save" });
    await expect(admin(["policy", "set"], { org: org.id, policy: shown, reason: "Again" })).rejects.toThrow(/409.*conflict/);
    await expect(admin(["policy", "set"], { org: org.id, policy: { ...shown, base_version: undefined }, reason: "r" })).rejects.toThrow(/base_version/);
    await expect(admin(["policy", "set"], { org: org.id, policy: { ...shown, base_version: base.version + 2 } })).rejects.toThrow(/--reason is required/);
  });

  it("lets only admins save, only people read, and needs base_version", async () => {
    const base = await current();
    expectError(await api(org.approver.key, "PUT", "/api/v1/policy", { base_version: base.version, document: base.document, reason: "r" }), 403, "forbidden");
    expectError(await api(org.agent.key, "GET", "/api/v1/policy"), 403, "forbidden");
    expectError(await api(org.agent.key, "GET", "/api/v1/policy/versions"), 403, "forbidden");
    expectError(await api(org.admin.key, "PUT", "/api/v1/policy", { document: base.document, reason: "r" }), 400, "validation_error");
    // Every change says why.
    const noReason = { base_version: base.version, document: { ...base.document, rules: { ...base.document.rules, hard_limit: 5_000_000 } } };
    expect(expectError(await api(org.admin.key, "PUT", "/api/v1/policy", noReason), 400, "validation_error").details.map((d) => d.field)).toEqual(["reason"]);
    expectError(await api(org.admin.key, "PUT", "/api/v1/policy", { ...noReason, reason: "   " }), 400, "validation_error");
    const bad = expectError(
      await api(org.admin.key, "PUT", "/api/v1/policy", {
        base_version: base.version,
        document: { ...base.document, rules: { ...base.document.rules, hard_limit: -1 } },
        reason: "r",
      }),
      400,
      "validation_error",
    );
    expect(bad.details.map((d) => d.field)).toContain("rules.hard_limit");
  });

  it("is listed in the OpenAPI document with operationIds", async () => {
    const doc = (await api(null, "GET", "/api/v1/openapi.json")).body;
    expect(doc.paths["/policy"].put.operationId).toBe("setPolicy");
    expect(doc.paths["/policy/versions"].get.operationId).toBe("listPolicyVersions");
    expect(doc.paths["/policy"].get.operationId).toBe("getPolicy");
    expect(doc.paths["/policy/backtest"].post.operationId).toBe("backtestPolicy");
    expect([doc.paths["/policy/shadow"].get.operationId, doc.paths["/policy/shadow"].put.operationId, doc.paths["/policy/shadow"].delete.operationId]).toEqual([
      "getPolicyShadow",
      "startPolicyShadow",
      "stopPolicyShadow",
    ]);
    expect(doc.paths["/audit/verify"].get.operationId).toBe("verifyAuditChain");
  });
});
