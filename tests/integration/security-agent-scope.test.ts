import { beforeAll, describe, expect, it } from "vitest";
import { api, expectError } from "./support/http";
import { createAgent, createOrg, intentBody, type TestAgent, type TestOrg } from "./support/factories";

// Issue 9, finding 1: an agent key sees only its own agent, never a sibling of the same organisation.
let org: TestOrg;
let sibling: TestAgent;
let siblingIntent: { id: string };
beforeAll(async () => {
  org = await createOrg();
  sibling = await createAgent(org.id);
  siblingIntent = (await api(sibling.key, "POST", "/api/v1/intents", intentBody())).body;
});

describe("an agent key reads only its own agent", () => {
  it("GET /agents/{sibling} is 404, its own agent is 200", async () => {
    expectError(await api(org.agent.key, "GET", `/api/v1/agents/${sibling.id}`), 404, "not_found");
    expect((await api(org.agent.key, "GET", `/api/v1/agents/${org.agent.id}`)).status).toBe(200);
  });

  it("GET /agents lists only itself", async () => {
    const ids = (await api(org.agent.key, "GET", "/api/v1/agents?limit=100")).body.data.map((a: { id: string }) => a.id);
    expect(ids).toEqual([org.agent.id]);
  });

  it("a sibling's intents are 404 and never listed, even when asked for by agent_id", async () => {
    expectError(await api(org.agent.key, "GET", `/api/v1/intents/${siblingIntent.id}`), 404, "not_found");
    expectError(await api(org.agent.key, "GET", `/api/v1/intents/${siblingIntent.id}?wait=1`), 404, "not_found");
    const listed = (await api(org.agent.key, "GET", `/api/v1/intents?limit=100&agent_id=${sibling.id}`)).body.data;
    expect(listed).toEqual([]);
    const all = (await api(org.agent.key, "GET", "/api/v1/intents?limit=100")).body.data.map((i: { agent_id: string }) => i.agent_id);
    expect(all.every((id: string) => id === org.agent.id)).toBe(true);
  });

  it("a user key of the organisation still sees both agents", async () => {
    expect((await api(org.viewer.key, "GET", `/api/v1/agents/${sibling.id}`)).status).toBe(200);
  });
});
