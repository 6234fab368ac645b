import { beforeAll, describe, expect, inject, it } from "vitest";
import { api } from "./support/http";
import { createOrg, intentBody, type TestOrg } from "./support/factories";
import { callAction } from "./support/server-actions";
import { raw, signIn } from "./support/session";

/**
 * Pages of an organisation with many agents: the spend dashboard lists the largest spenders
 * first and only 25 of them until asked for all (a 200-row table made the page a megabyte), and
 * the agents page shows 48 cards a page with a link to the older ones (it used to stop at 100).
 */
let org: TestOrg;
let cookie: string;
const agentLinks = (html: string) => new Set(html.match(/href="\/agents\/[0-9a-f-]{36}"/g) ?? []);

beforeAll(async () => {
  org = await createOrg();
  cookie = (await signIn(org.admin.email, "correct horse battery")).cookie!;
  for (let n = 0; n < 48; n++) {
    const res = await callAction({
      cookie,
      page: "/agents",
      action: "createAgentAction",
      args: [{ name: `Spend page agent ${String(n).padStart(2, "0")}`, owner: "", currency: "", balance: "" }],
      baseUrl: inject("baseUrl"),
    });
    expect((res.result as { ok: boolean }).ok).toBe(true);
  }
  // The org's first agent spends, so it leads the list whatever the names.
  expect((await api(org.agent.key, "POST", "/api/v1/intents", intentBody({ amount: 5_000 }))).body.status).toBe("approved");
}, 120_000);

describe("spend dashboard, by agent", () => {
  it("shows the 25 largest of 49 agents, the spender first, and all 49 when asked", async () => {
    const top = await raw("GET", "/spend", { headers: { Cookie: cookie } });
    expect(top.status).toBe(200);
    const shown = agentLinks(top.body);
    expect(shown.size).toBe(25);
    expect(shown.has(`href="/agents/${org.agent.id}"`)).toBe(true);
    expect(top.body).toContain("the 25 largest of 49");
    expect(top.body).toContain("Show all 49 agents");

    const all = await raw("GET", "/spend?agents=all", { headers: { Cookie: cookie } });
    expect(agentLinks(all.body).size).toBe(49);
    expect(all.body).toContain("Show the 25 largest");
  });
});

describe("agents page", () => {
  it("shows 48 agents a page, newest first, and the older ones one link away", async () => {
    const first = await raw("GET", "/agents", { headers: { Cookie: cookie } });
    expect(first.status).toBe(200);
    expect(agentLinks(first.body).size).toBe(48);
    expect(agentLinks(first.body).has(`href="/agents/${org.agent.id}"`)).toBe(false); // the oldest
    const older = first.body.match(/href="(\/agents\?cursor=[^"]+)"/)?.[1];
    expect(older).toBeDefined();
    const second = await raw("GET", older!.replace(/&amp;/g, "&"), { headers: { Cookie: cookie } });
    expect([...agentLinks(second.body)]).toEqual([`href="/agents/${org.agent.id}"`]);
    expect(second.body).toContain("(older page)");
  });
});
