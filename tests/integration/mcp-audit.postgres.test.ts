import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inject } from "vitest";
import { sql } from "./support/database";
import { createOrg, intentBody, type TestOrg } from "./support/factories";
import { callTool, mcpClient, type McpClient } from "./support/mcp";

const onPostgres = inject("databaseKind") === "postgresql";
let org: TestOrg;
let agent: McpClient;
let approver: McpClient;

describe.runIf(onPostgres)("MCP tool calls leave the same audit trail as the REST API", () => {
  beforeAll(async () => {
    org = await createOrg();
    [agent, approver] = await Promise.all([mcpClient(org.agent.key), mcpClient(org.approver.key)]);
  });
  afterAll(async () => {
    await Promise.all([agent?.close(), approver?.close()]);
  });

  it("records the submit by the agent and the answer by the approver", async () => {
    const intent = (await callTool(agent, "submit_spend_intent", intentBody({ amount: 2_000_000 }))).body;
    await callTool(approver, "respond_to_approval", { id: intent.id, decision: "approve" });
    const rows = await sql<{ action: string; actor_type: string; actor_id: string }>(
      `SELECT action, actor_type, actor_id FROM audit_events
       WHERE org_id = $1 AND (target_id = $2 OR target_id = $3) ORDER BY created_at, id`,
      [org.id, intent.id, intent.approval.id],
    );
    expect(rows).toEqual(
      expect.arrayContaining([
        { action: "intent.submitted", actor_type: "agent", actor_id: org.agent.id },
        { action: "approval.answered", actor_type: "user", actor_id: org.approver.id },
      ]),
    );
  });
});
