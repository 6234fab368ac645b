import { describe, expect, it } from "vitest";
import { inProcessPostgres } from "./support/database";
import { postLedgerEntry } from "@/lib/ledger/post-ledger-entry";
import { sqlTransaction } from "@/lib/db/sql";
import { setLowBalanceThreshold } from "@/lib/wallets/set-low-balance-threshold";
import { createWebhookEndpoint } from "@/lib/webhooks/create-webhook-endpoint";
import { seedOrg } from "../domain/support/seed";

// Concurrent debits on PostgreSQL (real parallel transactions from one pool): whichever order
// the row lock gives them, exactly one of them takes the wallet across its low-balance threshold,
// so exactly one wallet.low_balance event and one notification per admin are written.
const { onPostgres, db: client } = inProcessPostgres();

describe.runIf(onPostgres)("wallet.low_balance under concurrent debits on PostgreSQL", () => {
  it("fires once when parallel debits cross the threshold together", { timeout: 120_000 }, async () => {
    const db = client();
    for (let round = 0; round < 3; round++) {
      const s = await seedOrg(db, { admin: "admin", controller: "admin", approver: "approver" });
      await createWebhookEndpoint(db, "system", s.org.id, { url: "https://hooks.example.com/aegis", events: ["wallet.low_balance"] });
      // ₹10,00,000 in the wallet, threshold ₹9,90,000: twelve debits of ₹5,000 end at ₹9,40,000,
      // and only the third to commit crosses.
      await setLowBalanceThreshold(db, s.people.admin, { orgId: s.org.id, agentId: s.agent.id, threshold: 99_000_000 });
      const wallet = await db.wallet.findFirstOrThrow({ where: { agentId: s.agent.id } });
      const debits = Array.from({ length: 12 }, (_, i) =>
        sqlTransaction(db, (tx) =>
          postLedgerEntry(tx, { orgId: s.org.id, walletId: wallet.id, kind: "debit", amount: 500_000, memo: `race ${round}.${i}`, actor: "test" }),
        ),
      );
      const after = await Promise.all(debits);
      expect(after.map((a) => a.balance).sort((x, y) => y - x)).toEqual(Array.from({ length: 12 }, (_, i) => 100_000_000 - (i + 1) * 500_000));
      const events = await db.webhookEvent.findMany({ where: { orgId: s.org.id, type: "wallet.low_balance" } });
      expect(events).toHaveLength(1);
      expect(events[0].data).toMatchObject({ wallet_id: wallet.id, available: 98_500_000, threshold: 99_000_000 });
      const notes = await db.notification.findMany({ where: { orgId: s.org.id, kind: "wallet_low_balance" } });
      expect(notes.map((n) => n.userId).sort()).toEqual([s.people.admin.userId, s.people.controller.userId].sort());
    }
  });
});
