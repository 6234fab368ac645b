import { beforeAll, describe, expect, it } from "vitest";
import { admin, createAgent, createOrg, intentBody, setPolicy, type TestOrg } from "./support/factories";
import { api, expectError } from "./support/http";

let org: TestOrg;
beforeAll(async () => {
  org = await createOrg();
});

const approve = (key: string, id: string) => api(key, "POST", `/api/v1/approvals/${id}`, { decision: "approve" });
async function waiting(agentKey: string, amount = 2_000_000) {
  const intent = (await api(agentKey, "POST", "/api/v1/intents", intentBody({ amount }))).body;
  expect(intent.status).toBe("pending_approval");
  return intent;
}

/** A window that excludes this very minute (every day, the hour two hours from now, in UTC). */
function closedWindow() {
  const h = (new Date().getUTCHours() + 2) % 24;
  const hh = String(h).padStart(2, "0");
  return { days: ["mon", "tue", "wed", "thu", "fri", "sat", "sun"], start: `${hh}:00`, end: `${hh}:30`, time_zone: "UTC" };
}

describe("approvals are re-checked against the money rules when a person approves", () => {
  it("a time window that has closed refuses the approval (409 approval_blocked, rule time_window) and new intents", async () => {
    const own = await createOrg();
    const intent = await waiting(own.agent.key);
    await setPolicy(own.id, (doc) => (doc.rules.time_window = closedWindow()));
    const err = expectError(await approve(own.approver.key, intent.id), 409, "approval_blocked");
    expect(err.details).toEqual([{ field: "rule", issue: "time_window" }]);
    expect(err.message).toMatch(/outside the allowed hours/);
    const late = (await api(own.agent.key, "POST", "/api/v1/intents", intentBody())).body;
    expect(late.policy_decision).toMatchObject({ outcome: "deny", rule: "time_window" });
    // An agent override cannot lift the organisation's window: "any time" for the agent changes nothing.
    await setPolicy(own.id, (doc) => (doc.agent_overrides[own.agent.id] = { time_window: null }));
    expect(expectError(await approve(own.approver.key, intent.id), 409, "approval_blocked").details).toEqual([{ field: "rule", issue: "time_window" }]);
    await setPolicy(own.id, (doc) => (doc.rules.time_window = null));
    expect((await approve(own.approver.key, intent.id)).body.status).toBe("approved");
  });

  it("a merchant blocked after the request refuses the approval and moves no money; an override cannot lift the block", async () => {
    const own = await createOrg();
    const intent = (await api(own.agent.key, "POST", "/api/v1/intents", intentBody({ amount: 2_000_000, merchant: "Amazon.com" }))).body;
    expect(intent.status).toBe("pending_approval");
    const wallet = async () => (await api(own.admin.key, "GET", `/api/v1/agents/${own.agent.id}`)).body.wallet;
    expect(await wallet()).toMatchObject({ balance: 10_000_000, held: 2_000_000 });

    // The organisation blocks the merchant (another spelling); an override for the agent tries to allow it again.
    await setPolicy(own.id, (doc) => {
      doc.rules.merchant_blocklist = [" amazon.com "];
      doc.agent_overrides[own.agent.id] = { merchant_blocklist: [], merchant_allowlist: ["Amazon.com"] };
    });
    for (const key of [own.approver.key, own.admin.key]) {
      const err = expectError(await approve(key, intent.id), 409, "approval_blocked");
      expect(err.details).toEqual([{ field: "rule", issue: "merchant_blocklist" }]);
      expect(err.message).toBe('Approving now would break the merchant_blocklist rule: The merchant "Amazon.com" is on the merchant blocklist.');
    }
    // Nothing was paid or released by the refused answers: the hold still stands, the approval still waits.
    expect(await wallet()).toMatchObject({ balance: 10_000_000, held: 2_000_000 });
    expect((await api(own.admin.key, "GET", `/api/v1/intents/${intent.id}`)).body).toMatchObject({
      status: "pending_approval",
      approval: { status: "pending" },
    });
    // The inbox tells before anyone tries.
    const listed = (await api(own.approver.key, "GET", "/api/v1/approvals")).body.data.find((a: { intent_id: string }) => a.intent_id === intent.id);
    expect(listed.blocked).toMatchObject({ rule: "merchant_blocklist" });
    // A rejection releases the hold, exactly once.
    expect((await api(own.approver.key, "POST", `/api/v1/approvals/${intent.id}`, { decision: "reject" })).body.status).toBe("rejected");
    expect(await wallet()).toMatchObject({ balance: 10_000_000, held: 0 });
    const { entries } = await admin<{ entries: { kind: string; amount: number; intent_id: string | null }[] }>(["wallet", "ledger"], { agent: own.agent.id });
    expect(entries.filter((l) => l.intent_id === intent.id).map((l) => [l.kind, l.amount])).toEqual([
      ["release", 2_000_000],
      ["hold", 2_000_000],
    ]);
  });

  it("a category or confidence the current policy denies refuses the approval", async () => {
    const own = await createOrg();
    const intent = (await api(own.agent.key, "POST", "/api/v1/intents", intentBody({ amount: 2_000_000, merchant_category: "travel", confidence: 0.7 }))).body;
    await setPolicy(own.id, (doc) => (doc.rules.category_allowlist = ["saas"]));
    expect(expectError(await approve(own.approver.key, intent.id), 409, "approval_blocked").details[0].issue).toBe("category_allowlist");
    await setPolicy(own.id, (doc) => Object.assign(doc.rules, { category_allowlist: [], min_confidence: 0.9, low_confidence_action: "deny" }));
    expect(expectError(await approve(own.approver.key, intent.id), 409, "approval_blocked").details[0].issue).toBe("min_confidence");
    await setPolicy(own.id, (doc) => (doc.rules.low_confidence_action = "require_approval"));
    expect((await approve(own.approver.key, intent.id)).body.status).toBe("approved");
  });

  it("a hard limit lowered after the request refuses the approval", async () => {
    const own = await createOrg();
    const intent = await waiting(own.agent.key, 2_000_000);
    await setPolicy(own.id, (doc) => Object.assign(doc.rules, { hard_limit: 1_500_000, auto_approve_limit: 1_000_000 }));
    const err = expectError(await approve(own.approver.key, intent.id), 409, "approval_blocked");
    expect(err.details[0].issue).toBe("hard_limit");
  });

  it("a daily budget lowered below the held amount refuses the approval; its own hold is not counted twice", async () => {
    const own = await createOrg();
    const fits = await waiting(own.agent.key, 2_000_000);
    const second = await waiting(own.agent.key, 2_000_000);
    // 4,000,000 held in total: a budget of exactly 4,000,000 approves the first (its own hold is
    // not counted twice); lowered to 3,000,000, the second would take the day to 4,000,000.
    await setPolicy(own.id, (doc) => (doc.rules.daily_budget = 4_000_000));
    expect((await approve(own.approver.key, fits.id)).body.status).toBe("approved");
    await setPolicy(own.id, (doc) => (doc.rules.daily_budget = 3_000_000));
    const err = expectError(await approve(own.approver.key, second.id), 409, "approval_blocked");
    expect(err.details[0].issue).toBe("daily_budget");
  });
});

describe("suspended agents (issue 9, finding 6)", () => {
  it("answers to a suspended agent's approvals are refused until it is resumed; no money moves", async () => {
    const agent = await createAgent(org.id);
    const intent = await waiting(agent.key);
    await admin(["agent", "suspend"], { agent: agent.id });
    for (const decision of ["approve", "reject"]) {
      const err = expectError(await api(org.approver.key, "POST", `/api/v1/approvals/${intent.id}`, { decision }), 409, "agent_suspended");
      expect(err.message).toMatch(/is suspended: its approvals cannot be answered until an admin resumes it/);
    }
    const agentView = (await api(org.admin.key, "GET", `/api/v1/agents/${agent.id}`)).body;
    expect(agentView.wallet).toMatchObject({ balance: 10_000_000, held: 2_000_000 });
    await admin(["agent", "resume"], { agent: agent.id });
    expect((await approve(org.approver.key, intent.id)).body.status).toBe("approved");
  });

  it("suspending with --reject-pending rejects every waiting approval and releases the holds", async () => {
    const agent = await createAgent(org.id);
    const a = await waiting(agent.key);
    const b = await waiting(agent.key, 3_000_000);
    await admin(["agent", "suspend"], { agent: agent.id, "reject-pending": true });
    for (const i of [a, b])
      expect((await api(org.admin.key, "GET", `/api/v1/intents/${i.id}`)).body).toMatchObject({ status: "denied", approval: { status: "rejected" } });
    expect((await api(org.admin.key, "GET", `/api/v1/agents/${agent.id}`)).body.wallet).toMatchObject({ balance: 10_000_000, held: 0 });
  });
});
