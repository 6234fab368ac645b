import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { authenticateApiKey } from "@/lib/api-keys/authenticate-api-key";
import { createAgent } from "@/lib/agents/create-agent";
import type { Db } from "@/lib/db/client";
import { listIntentsPage, type IntentSort } from "@/lib/intents/list-intents-page";
import { submitIntent } from "@/lib/intents/submit-intent";
import { loadInbox } from "@/lib/approvals/load-inbox";
import { parseInboxQuery } from "@/lib/approvals/inbox-query";
import { askForInformation } from "@/lib/approvals/ask-for-information";
import { answerApproval } from "@/lib/approvals/answer-approval";
import { loadSpendDashboard } from "@/lib/counters/load-spend-dashboard";
import { createTestDb } from "./support/test-db";
import { seedOrg } from "./support/seed";

// The intents search (trigram indexes on PGlite's pg_trgm too), column sorting with keyset
// pages, duplicate flags on inbox cards, and "ask for more information".
let db: Db;
let close: () => Promise<void>;
beforeAll(async () => ({ db, close } = await createTestDb()), 120_000);
afterAll(() => close());

async function setup() {
  const s = await seedOrg(db, { admin: "admin", approver: "approver" });
  const owner = (await db.user.findUniqueOrThrow({ where: { id: s.people.approver.userId } })).email;
  const named = await createAgent(db, "system", { orgId: s.org.id, name: "Cloud Cost Optimizer", owner, currency: "INR", initialBalance: 100_000_000 });
  const keyFor = async (agentId: string) => authenticateApiKey(db, (await createApiKey(db, "system", { orgId: s.org.id, kind: "agent", agentId })).key);
  const [bot, cloud] = [await keyFor(s.agent.id), await keyFor(named.id)];
  const submit = async (agent: typeof bot, amount: number, merchant: string, reason: string) =>
    (await submitIntent(db, agent, { amount, currency: "INR", reason, confidence: 0.9, merchant, merchant_category: "saas", metadata: {} }, null)).intent;
  return { ...s, bot, cloud, submit };
}

describe("intents search and sorting", { timeout: 60_000 }, () => {
  it("finds by part of an id, merchant, agent name or reason, and by exact amount; another organisation's never", async () => {
    const { org, people, bot, cloud, submit } = await setup();
    const figma = await submit(bot, 12_345, "Figma Inc", "Design seats for Q3");
    const aws = await submit(cloud, 45_600, "Amazon Web Services", "EC2 reserved instances");
    await submit(bot, 99_900, "Notion", "Wiki");
    const other = await setup();
    await other.submit(other.bot, 12_345, "Figma Inc", "Their design seats");

    const search = async (q: string) => (await listIntentsPage(db, people.admin, { limit: 25, q }, "INR")).data.map((i) => i.id);
    expect(await search("figma")).toEqual([figma.id]); // merchant, any case
    expect(await search("RESERVED inst")).toEqual([aws.id]); // words of the reason
    expect(await search("cost optim")).toEqual([aws.id]); // the agent's name
    expect(await search(figma.id.slice(4, 14))).toEqual([figma.id]); // part of the id
    expect(await search(figma.id.slice(-6))).toEqual([figma.id]); // six characters are enough
    expect(await search(figma.id.slice(-5))).not.toContain(figma.id); // fewer are not looked for in ids
    expect(await search("123.45")).toEqual([figma.id]); // an amount in major units
    expect(await search("100%_")).toEqual([]); // LIKE wildcards are plain characters
    void org;
  });

  it("sorts by amount or time either way, and pages by keyset without repeating or skipping", async () => {
    const { people, bot, submit } = await setup();
    const amounts = [5_000, 1_000, 3_000, 3_000, 2_000, 4_000];
    for (const [n, a] of amounts.entries()) await submit(bot, a, `Vendor ${n}`, "sorting");
    const all = async (sort: IntentSort) => {
      const seen: number[] = [];
      let cursor: string | undefined;
      do {
        const page = await listIntentsPage(db, people.admin, { limit: 4, sort, cursor, q: "sorting" }, "INR");
        seen.push(...page.data.map((i) => i.amount));
        cursor = page.next_cursor ?? undefined;
      } while (cursor);
      return seen;
    };
    expect(await all("amount_desc")).toEqual([...amounts].sort((a, b) => b - a));
    expect(await all("amount_asc")).toEqual([...amounts].sort((a, b) => a - b));
    expect(await all("oldest")).toEqual(amounts);
    expect(await all("newest")).toEqual([...amounts].reverse());
  });
});

describe("inbox cards", { timeout: 60_000 }, () => {
  it("flag a similar request of the same agent to the same merchant as a possible duplicate", async () => {
    const { people, bot, submit } = await setup();
    const first = await submit(bot, 1_100_000, "Duplicate Dynamics", "Invoice 1042"); // above the auto-approve limit: waits
    const again = await submit(bot, 1_120_000, "Duplicate Dynamics", "Invoice 1042 again");
    const different = await submit(bot, 1_700_000, "Duplicate Dynamics", "Something else");
    const page = await loadInbox(db, people.approver, parseInboxQuery({}, "INR"));
    const dupes = new Map(page.items.map((i) => [i.intent_id, i.duplicates.map((d) => d.id)]));
    expect(dupes.get(again.id)).toEqual([first.id]);
    expect(dupes.get(first.id)).toEqual([again.id]);
    expect(dupes.get(different.id)).toEqual([]); // 50% more is not "similar"
  });

  it("mark a merchant the agent was never approved to pay before, and not one it was", async () => {
    const { people, bot, submit } = await setup();
    await submit(bot, 50_000, "Known Supplies", "Toner"); // within the auto-approve limit: approved
    const known = await submit(bot, 1_300_000, "Known Supplies", "A bigger order");
    const unknown = await submit(bot, 1_300_000, "Never Seen Ltd", "First order");
    const page = await loadInbox(db, people.approver, parseInboxQuery({}, "INR"));
    const isNew = new Map(page.items.map((i) => [i.intent_id, i.new_merchant]));
    expect([isNew.get(known.id), isNew.get(unknown.id)]).toEqual([false, true]);
  });

  it("ask the agent's owner for more information: their bell gets the question, the approval stays open", async () => {
    const { people, cloud, submit } = await setup();
    const waiting = await submit(cloud, 2_000_000, "AWS", "Savings plan");
    const res = await askForInformation(db, people.admin, waiting.approval!.id, { question: "Which account is this for?" });
    expect(res.notified).not.toBeNull();
    const bell = await db.notification.findMany({ where: { userId: people.approver.userId, kind: "approval_question" } });
    expect(bell.map((n) => n.body)).toEqual([expect.stringContaining("Which account is this for?")]);
    expect((await db.approval.findUniqueOrThrow({ where: { id: waiting.approval!.id } })).status).toBe("pending");
    const event = await db.auditEvent.findFirstOrThrow({ where: { targetId: waiting.approval!.id, action: "approval.info_requested" } });
    expect(event.data).toMatchObject({ question: "Which account is this for?", intent_id: waiting.id });
    await expect(askForInformation(db, people.approver, "apr_nothing", { question: "Hello?" })).rejects.toMatchObject({ code: "not_found" });
  });
});

describe("spend dashboard", { timeout: 60_000 }, () => {
  it("totals spend per day and per agent against its monthly budget, and counts waiting and rejected approvals, from the counters", async () => {
    const { org, people, bot, submit } = await setup();
    await submit(bot, 50_000, "Zoom", "seats"); // approved by policy
    const waiting = await submit(bot, 1_500_000, "AWS", "reserved"); // waits for a person (held)
    const rejected = await submit(bot, 1_200_000, "GCP", "credits");
    await answerApproval(db, people.approver, rejected.id, { decision: "reject", comment: "no" });
    void waiting;
    const d = await loadSpendDashboard(db, org.id, "INR", "UTC");
    expect(d.spend).toHaveLength(30);
    expect(d.spend.at(-1)!.amount).toBe(50_000 + 1_500_000);
    expect(d.waiting.at(-1)!.amount).toBe(1);
    expect(d.rejected.at(-1)!.amount).toBe(1);
    const botRow = d.byAgent.find((a) => a.name === "Bot")!;
    expect(botRow).toMatchObject({ last30: 1_550_000, month: 1_550_000, monthlyBudget: 50_000_000 });
  });
});
