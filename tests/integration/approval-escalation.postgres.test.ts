import { beforeAll, describe, expect, inject, it } from "vitest";
import { eventually, sql } from "./support/database";
import { api, expectError } from "./support/http";
import { createAgent, createOrg, intentBody, type TestOrg } from "./support/factories";

const onPostgres = inject("databaseKind") === "postgresql";

describe.runIf(onPostgres)("escalation of a slow approval (the sweep runs every second in tests)", () => {
  let org: TestOrg;
  beforeAll(async () => {
    org = await createOrg();
  });

  it("after its group's wait, the escalation group can answer and the escalation is audited", async () => {
    const tier2 = (
      await api(org.admin.key, "POST", "/api/v1/approver-groups", { name: "Controllers", members: [org.approver.email], merchant_categories: ["none-match"] })
    ).body.id;
    await api(org.admin.key, "POST", "/api/v1/approver-groups", {
      name: "Cloud spend",
      members: [org.approver2.email],
      merchant_categories: ["cloud"],
      escalate_after_minutes: 30,
      escalate_to_group_id: tier2,
    });
    const agent = await createAgent(org.id, 20_000_000);
    const intent = (await api(agent.key, "POST", "/api/v1/intents", intentBody({ amount: 2_000_000, merchant_category: "cloud" }))).body;
    expectError(await api(org.approver.key, "POST", `/api/v1/approvals/${intent.id}`, { decision: "approve" }), 403, "forbidden");

    // Pretend it has waited 31 minutes; the next sweep escalates it.
    await sql(`UPDATE approvals SET created_at = now() - interval '31 minutes' WHERE intent_id = $1`, [intent.id]);
    const escalated = await eventually(
      () => sql<{ escalated_at: Date | null }>(`SELECT escalated_at FROM approvals WHERE intent_id = $1`, [intent.id]),
      (rows) => rows[0].escalated_at !== null,
    );
    expect(escalated[0].escalated_at).not.toBeNull();
    const listed = (await api(org.approver.key, "GET", "/api/v1/approvals")).body.data.find((a: { intent_id: string }) => a.intent_id === intent.id);
    expect(listed).toMatchObject({ group: { name: "Cloud spend" }, escalated_at: expect.any(String) });
    const audit = await sql(`SELECT data FROM audit_events WHERE action = 'approval.escalated' AND org_id = $1`, [org.id]);
    expect(audit).toHaveLength(1);
    expect(audit[0].data).toMatchObject({ intent_id: intent.id, group_name: "Cloud spend", escalated_to_group_id: tier2 });
    expect((await api(org.approver.key, "POST", `/api/v1/approvals/${intent.id}`, { decision: "approve" })).body.status).toBe("approved");
  });
});
