import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { smtpTestPort } from "./support/app-server";
import { sql } from "./support/database";
import { admin, createAgent, createOrg, createUser, intentBody, setPolicy, type TestOrg } from "./support/factories";
import { api } from "./support/http";
import { startSmtpInbox, type Mail } from "./support/smtp-inbox";
import { waitFor } from "./support/webhook-receiver";

// The test server sends email to SMTP_URL=smtp://127.0.0.1:<smtpTestPort()> with AEGIS_PUBLIC_URL=http://aegis.test.
let org: TestOrg;
let inbox: Awaited<ReturnType<typeof startSmtpInbox>>;
beforeAll(async () => {
  inbox = await startSmtpInbox(smtpTestPort());
  org = await createOrg();
});
afterAll(() => inbox.stop());

const about = (intentId: string) => inbox.mails.filter((m) => m.text.includes(`/intents/${intentId}`));
const asks = (intentId: string) => about(intentId).filter((m) => m.subject.startsWith("Approval needed"));
const recipients = (mails: Mail[]) => mails.flatMap((m) => m.to).sort();

describe("approval emails", () => {
  it("go to the people who can answer, not the submitter or a viewer, with amount, agent, reason, rule and a link", async () => {
    const agent = await createAgent(org.id);
    const { name } = (await api(org.admin.key, "GET", `/api/v1/agents/${agent.id}`)).body;
    // Submitted by an approver's user key: that approver must not be asked.
    const intent = (
      await api(org.approver.key, "POST", "/api/v1/intents", intentBody({ agent_id: agent.id, amount: 2_000_000, reason: "Quarterly Datadog bill" }))
    ).body;
    expect(intent.status).toBe("pending_approval");
    const mails = await waitFor(() => (about(intent.id).length >= 2 ? about(intent.id) : undefined));
    expect(recipients(mails)).toEqual([org.admin.email, org.approver2.email].sort());
    const mail = mails[0];
    expect(mail.subject).toBe(`Approval needed: ₹20,000.00 to Notion by ${name}`);
    expect(mail.text).toContain("Amount: ₹20,000.00");
    expect(mail.text).toContain(`Agent: ${name}`);
    expect(mail.text).toContain("Reason: Quarterly Datadog bill");
    expect(mail.text).toContain("Deciding rule: auto_approve_limit");
    expect(mail.text).toContain(`http://aegis.test/intents/${intent.id}`);
  });

  it("above the admin threshold go to admins only", async () => {
    const agent = await createAgent(org.id, 20_000_000);
    await setPolicy(org.id, (doc) => (doc.agent_overrides[agent.id] = { daily_budget: null }));
    const intent = (await api(agent.key, "POST", "/api/v1/intents", intentBody({ amount: 6_000_000 }))).body;
    const mails = await waitFor(() => (about(intent.id).length >= 1 ? about(intent.id) : undefined));
    // Give any stray mail to approvers time to arrive before asserting it did not.
    const second = await createAgent(org.id);
    const marker = (await api(second.key, "POST", "/api/v1/intents", intentBody({ amount: 2_000_000 }))).body;
    await waitFor(() => (about(marker.id).length >= 3 ? true : undefined));
    expect(recipients(about(intent.id))).toEqual([org.admin.email]);
    expect(mails[0].text).toContain("Amount: ₹60,000.00");
  });

  it("follow each person's preference: off sends nothing, digest sends one summary", async () => {
    const o = await createOrg();
    const offUser = await createUser(o.id, "approver");
    await admin(["user", "notifications"], { user: offUser.email, preference: "off" });
    await admin(["user", "notifications"], { user: o.approver.email, preference: "digest" });
    const agent = await createAgent(o.id);
    const a = (await api(agent.key, "POST", "/api/v1/intents", intentBody({ amount: 2_000_000, reason: "first" }))).body;
    const b = (await api(agent.key, "POST", "/api/v1/intents", intentBody({ amount: 3_000_000, reason: "second" }))).body;
    // Immediate people (admin, approver2) get one email per approval.
    await waitFor(() => (asks(a.id).length >= 2 && asks(b.id).length >= 2 ? true : undefined));
    const digest = await waitFor(() => inbox.mails.find((m) => m.to.includes(o.approver.email) && m.subject.includes("digest")));
    // The digest may have gone out after the first approval only; either way no per-approval email reached this person.
    expect(inbox.mails.filter((m) => m.to.includes(o.approver.email) && m.subject.startsWith("Approval needed"))).toEqual([]);
    expect(digest.text).toContain(`/intents/${a.id}`);
    expect(inbox.mails.filter((m) => m.to.includes(offUser.email))).toEqual([]);
    expect(recipients([...asks(a.id), ...asks(b.id)])).toEqual([o.admin.email, o.admin.email, o.approver2.email, o.approver2.email].sort());
  });

  it("for an approval routed to an approver group go to its members (and admins) only", async () => {
    const o = await createOrg();
    const agent = await createAgent(o.id);
    await admin(["group", "create"], { org: o.id, name: "Cloud", members: o.approver2.email, agents: agent.id });
    const intent = (await api(agent.key, "POST", "/api/v1/intents", intentBody({ amount: 2_000_000 }))).body;
    await waitFor(() => (asks(intent.id).length >= 2 ? true : undefined));
    // A second, unrouted approval (another agent) reaches everyone: once it has, the first had its chance too.
    const other = await createAgent(o.id);
    const marker = (await api(other.key, "POST", "/api/v1/intents", intentBody({ amount: 2_000_000 }))).body;
    await waitFor(() => (asks(marker.id).length >= 3 ? true : undefined));
    expect(recipients(asks(intent.id))).toEqual([o.admin.email, o.approver2.email].sort());
  });

  it("never reach a deactivated person", async () => {
    const o = await createOrg();
    const leaver = await createUser(o.id, "approver");
    // One agent per intent: the daily budget (₹50,000) would deny the third ₹20,000 of one agent.
    const [a1, a2, a3] = await Promise.all([createAgent(o.id), createAgent(o.id), createAgent(o.id)]);
    const before = (await api(a1.key, "POST", "/api/v1/intents", intentBody({ amount: 2_000_000, reason: "before" }))).body;
    await waitFor(() => (asks(before.id).length >= 4 ? true : undefined));
    expect(recipients(asks(before.id))).toContain(leaver.email);
    await admin(["user", "deactivate"], { email: leaver.email });
    const after = (await api(a2.key, "POST", "/api/v1/intents", intentBody({ amount: 2_000_000, reason: "after" }))).body;
    // A third approval after it: once its mail reached the others, the second's had its chance too.
    const marker = (await api(a3.key, "POST", "/api/v1/intents", intentBody({ amount: 2_000_000, reason: "marker" }))).body;
    await waitFor(() => (asks(marker.id).length >= 3 && asks(after.id).length >= 3 ? true : undefined));
    expect(recipients(asks(after.id))).toEqual([o.admin.email, o.approver.email, o.approver2.email].sort());
    expect(inbox.mails.filter((m) => m.to.includes(leaver.email) && !m.text.includes(`/intents/${before.id}`))).toEqual([]);
  });

  it.runIf(inject("databaseKind") === "postgresql")("remind those who have not answered before an approval expires", async () => {
    const agent = await createAgent(org.id);
    const intent = (await api(agent.key, "POST", "/api/v1/intents", intentBody({ amount: 2_000_000 }))).body;
    await waitFor(() => (about(intent.id).length >= 3 ? true : undefined));
    // Age the approval so it has 1 hour of its 72 left (the reminder window is 12 h by default).
    await sql(`UPDATE approvals SET created_at = now() - interval '71 hours', expires_at = now() + interval '1 hour' WHERE intent_id = $1`, [intent.id]);
    const reminders = await waitFor(() => {
      const r = about(intent.id).filter((m) => m.subject.startsWith("Reminder"));
      return r.length > 0 ? r : undefined;
    });
    expect(reminders[0].text).toContain(`http://aegis.test/intents/${intent.id}`);
    await waitFor(() => (about(intent.id).filter((m) => m.subject.startsWith("Reminder")).length >= 3 ? true : undefined));
    expect(recipients(about(intent.id).filter((m) => m.subject.startsWith("Reminder")))).toEqual(
      [org.admin.email, org.approver.email, org.approver2.email].sort(),
    );
  });
});
