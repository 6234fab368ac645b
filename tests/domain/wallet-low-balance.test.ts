import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import { postLedgerEntry } from "@/lib/ledger/post-ledger-entry";
import { sqlTransaction, type SqlTx } from "@/lib/db/sql";
import { setLowBalanceThreshold } from "@/lib/wallets/set-low-balance-threshold";
import { createWebhookEndpoint } from "@/lib/webhooks/create-webhook-endpoint";
import { createTestDb } from "./support/test-db";
import { seedOrg } from "./support/seed";

let db: Db;
let close: () => Promise<void>;
beforeAll(async () => ({ db, close } = await createTestDb()), 120_000);
afterAll(() => close());

/** A funded agent (₹10,00,000) with a threshold of ₹9,90,000 and an endpoint that wants wallet.low_balance. */
async function setup() {
  const s = await seedOrg(db, { admin: "admin", approver: "approver" });
  await createWebhookEndpoint(db, "system", s.org.id, { url: "https://hooks.example.com/aegis", events: ["wallet.low_balance"] });
  await setLowBalanceThreshold(db, s.people.admin, { orgId: s.org.id, agentId: s.agent.id, threshold: 99_000_000 });
  const wallet = await db.wallet.findFirstOrThrow({ where: { agentId: s.agent.id } });
  const debit = (tx: SqlTx, amount: number) =>
    postLedgerEntry(tx, { orgId: s.org.id, walletId: wallet.id, kind: "debit", amount, memo: "test", actor: "test" });
  const events = () => db.webhookEvent.findMany({ where: { orgId: s.org.id, type: "wallet.low_balance" } });
  const notes = () => db.notification.findMany({ where: { orgId: s.org.id, kind: "wallet_low_balance" } });
  return { ...s, wallet, debit, events, notes };
}

describe("wallet.low_balance, in process on PGlite", { timeout: 60_000 }, () => {
  it("a rolled-back debit that crossed the threshold sends and notifies nothing", async () => {
    const { debit, events, notes, wallet } = await setup();
    await expect(
      sqlTransaction(db, async (tx) => {
        await debit(tx, 2_000_000);
        throw new Error("something later in the change failed");
      }),
    ).rejects.toThrow("something later");
    expect(await events()).toHaveLength(0);
    expect(await notes()).toHaveLength(0);
    expect((await db.wallet.findUniqueOrThrow({ where: { id: wallet.id } })).balance).toBe(100_000_000n);

    await sqlTransaction(db, (tx) => debit(tx, 2_000_000)); // the same debit, committed
    const [event] = await events();
    expect(event.data).toMatchObject({ wallet_id: wallet.id, available: 98_000_000, threshold: 99_000_000, currency: "INR" });
    const [note] = await notes(); // the one admin (approvers do not fund wallets)
    expect(note).toMatchObject({ link: expect.stringMatching(/^\/agents\//), title: expect.stringContaining("Low balance") });
    expect(await notes()).toHaveLength(1);
  });

  it("records who set the threshold and what it was before", async () => {
    const { org, agent, people } = await setup();
    await setLowBalanceThreshold(db, "system", { orgId: org.id, agentId: agent.id, threshold: null });
    const audit = await db.auditEvent.findMany({ where: { orgId: org.id, action: "wallet.low_balance_threshold_set" }, orderBy: { createdAt: "asc" } });
    expect(audit.map((a) => [a.actorId, a.data])).toEqual([
      [people.admin.userId, expect.objectContaining({ previous: null, threshold: 99_000_000 })],
      [null, expect.objectContaining({ previous: 99_000_000, threshold: null })],
    ]);
  });

  it("an approver cannot set it, and another organisation's agent is not found", async () => {
    const a = await setup();
    const b = await seedOrg(db, { admin: "admin" });
    await expect(setLowBalanceThreshold(db, a.people.approver, { orgId: a.org.id, agentId: a.agent.id, threshold: 5 })).rejects.toMatchObject({
      code: "forbidden",
    });
    await expect(setLowBalanceThreshold(db, b.people.admin, { orgId: b.org.id, agentId: a.agent.id, threshold: 5 })).rejects.toMatchObject({
      code: "not_found",
    });
  });
});
