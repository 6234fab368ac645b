import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAgent } from "@/lib/agents/create-agent";
import { describeAgent } from "@/lib/agents/describe-agent";
import { getAgentPage } from "@/lib/agents/get-agent-page";
import { userPrincipal } from "@/lib/auth/session-principal";
import { runAdminCommand } from "@/lib/cli/run-admin-command";
import type { Db } from "@/lib/db/client";
import { parseIntentFilters } from "@/lib/intents/intent-filters";
import { parseInboxQuery } from "@/lib/approvals/inbox-query";
import { createOrganization } from "@/lib/organizations/create-organization";
import { getOrgCurrency } from "@/lib/organizations/get-org-currency";
import { describeRules } from "@/lib/policies/describe-rules";
import { createUser } from "@/lib/users/create-user";
import { fundWallet } from "@/lib/wallets/fund-wallet";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { authenticateApiKey } from "@/lib/api-keys/authenticate-api-key";
import { submitIntent } from "@/lib/intents/submit-intent";
import { createTestDb } from "./support/test-db";
import { pgliteExtensions } from "@/lib/db/pglite-extensions";

let db: Db;
let close: () => Promise<void>;
beforeAll(async () => ({ db, close } = await createTestDb()), 120_000);
afterAll(() => close());

let n = 0;
const newOrg = (currency: string) => createOrganization(db, "system", { name: `Currency ${currency} ${n++}`, currency });

/** An agent as legacy data may hold it: registered, but with no wallet at all. */
async function agentWithoutWallet(orgId: string) {
  const agent = await createAgent(db, "system", { orgId, name: "Walletless" });
  await db.wallet.deleteMany({ where: { agentId: agent.id } }); // no ledger rows: its opening balance was zero
  return agent;
}

describe("an organisation's currency", () => {
  it("is required and must be an ISO 4217 code; it is stored upper-case", async () => {
    await expect(createOrganization(db, "system", { name: "No currency" } as never)).rejects.toThrow(/currency is required/);
    await expect(newOrg("XYZ")).rejects.toThrow(/ISO 4217/);
    const org = await newOrg("usd");
    expect(org.currency).toBe("USD");
    expect(await getOrgCurrency(db, org.id)).toBe("USD");
  });

  it("opens a new agent's wallet in it when no currency is given", async () => {
    const org = await newOrg("JPY");
    const agent = await createAgent(db, "system", { orgId: org.id, name: "Yen bot", initialBalance: 25_000 });
    expect(agent.wallet).toMatchObject({ currency: "JPY", balance: 25_000 });
    // Naming the organisation's currency is the same; any other is refused (its limits are in JPY).
    const named = await createAgent(db, "system", { orgId: org.id, name: "Named yen bot", currency: "jpy" });
    expect(named.wallet?.currency).toBe("JPY");
    await expect(createAgent(db, "system", { orgId: org.id, name: "Euro bot", currency: "EUR" })).rejects.toMatchObject({
      status: 400,
      message: expect.stringMatching(/^Wallets are in the organisation's currency, JPY: .* does not spend in EUR/),
      details: [{ field: "currency", issue: "must be JPY, the organisation's currency" }],
    });
    expect(await db.agent.count({ where: { orgId: org.id, name: "Euro bot" } })).toBe(0);
  });

  it("funds an agent without any wallet in the organisation's currency, and views it in that currency", async () => {
    const org = await newOrg("USD");
    const agent = await agentWithoutWallet(org.id);
    const bare = await db.agent.findUniqueOrThrow({ where: { id: agent.id }, include: { wallets: true } });
    expect((await describeAgent(db, bare)).wallet).toBeNull();

    const admin = await createUser(db, "system", { orgId: org.id, email: `admin-usd-${n++}@test.local`, role: "admin" });
    const principal = (await userPrincipal(db, admin.id))!;
    expect((await getAgentPage(db, principal, agent.id)).currency).toBe("USD");

    const wallet = await fundWallet(db, "system", { orgId: org.id, agentId: agent.id, amount: 5_000 });
    expect(wallet).toMatchObject({ currency: "USD", balance: 5_000 });
    // Funding cannot open a wallet in another currency either; nothing is credited.
    await expect(fundWallet(db, "system", { orgId: org.id, agentId: agent.id, amount: 100, currency: "EUR" })).rejects.toMatchObject({ status: 400 });
    expect(await db.wallet.count({ where: { agentId: agent.id } })).toBe(1);
  });

  it("never reads INR limits against a USD wallet's intents: no ×80 headroom (issue 17)", async () => {
    const org = await newOrg("INR");
    const agent = await agentWithoutWallet(org.id);
    // A USD wallet as one could be opened before wallets had to be in the organisation's currency.
    await db.wallet.create({ data: { id: `wal_usd_${n++}`, orgId: org.id, agentId: agent.id, currency: "USD" } });
    await fundWallet(db, "system", { orgId: org.id, agentId: agent.id, amount: 10_000_000 });
    const key = await createApiKey(db, "system", { orgId: org.id, kind: "agent", agentId: agent.id });
    const principal = await authenticateApiKey(db, key.key);
    // $5,000: under ₹10,000 auto-approve if the limit were read in dollars.
    const body = { amount: 500_000, currency: "USD", reason: "test", confidence: 0.9, merchant: "AWS", merchant_category: undefined, metadata: {} };
    const { intent } = await submitIntent(db, principal, body, null);
    expect(intent).toMatchObject({
      status: "denied",
      policy_decision: { rule: "currency", reason: "Limits are in INR; this intent is in USD, which the organisation does not spend in." },
    });
    expect(await db.wallet.findFirstOrThrow({ where: { agentId: agent.id } })).toMatchObject({ balance: 10_000_000n, held: 0n });
  });

  it("keeps funding a wallet opened in another currency before wallets had to be in the organisation's", async () => {
    const org = await newOrg("USD");
    const agent = await agentWithoutWallet(org.id);
    await db.wallet.create({ data: { id: `wal_legacy_${n++}`, orgId: org.id, agentId: agent.id, currency: "EUR" } });
    // Without a currency the primary (EUR) wallet is funded, as before: it exists, nothing new is opened.
    expect(await fundWallet(db, "system", { orgId: org.id, agentId: agent.id, amount: 100 })).toMatchObject({ currency: "EUR", balance: 100 });
  });

  it("is how typed amounts and policy limits are read: minor-unit digits of that currency", async () => {
    const org = await newOrg("JPY");
    const currency = await getOrgCurrency(db, org.id);
    expect(parseIntentFilters({ min: "1,500", max: "20000" }, currency).filters).toMatchObject({ min_amount: 1_500, max_amount: 20_000 });
    expect(parseInboxQuery({ min: "1,500" }, currency).min).toBe(1_500);
    const rows = describeRules({ auto_approve_limit: 10_000 }, currency);
    expect(rows.find((r) => r.field === "auto_approve_limit")?.value).toMatch(/¥10,000$/);
    expect(rows.find((r) => r.field === "auto_approve_limit")?.value).not.toMatch(/[.]/);
  });
});

describe("org create (CLI)", () => {
  it("refuses without --currency and names the option", async () => {
    await expect(runAdminCommand(db, ["org", "create"], { name: "Globex" })).rejects.toMatchObject({
      code: "validation_error",
      message: "--currency is required",
    });
  });

  it("creates the organisation in the currency given, and org list shows it", async () => {
    const org = (await runAdminCommand(db, ["org", "create"], { name: "Globex", currency: "jpy" })) as { id: string; currency: string };
    expect(org.currency).toBe("JPY");
    const list = (await runAdminCommand(db, ["org", "list"], {})) as { id: string; currency: string }[];
    expect(list.find((o) => o.id === org.id)?.currency).toBe("JPY");
    const agent = (await runAdminCommand(db, ["agent", "create"], { org: org.id, name: "Bot", balance: "300" })) as { wallet: { currency: string } };
    expect(agent.wallet.currency).toBe("JPY");
  });
});

describe("the org_currency migration", () => {
  it("backfills each organisation from its most common wallet currency (ties alphabetical), INR without wallets, and leaves no default", async () => {
    const dir = path.resolve(import.meta.dirname, "../../prisma/migrations");
    const names = fs
      .readdirSync(dir, { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => d.name)
      .sort();
    const at = names.findIndex((name) => name.endsWith("_org_currency"));
    expect(at).toBeGreaterThan(0);
    const pg = new PGlite({ extensions: await pgliteExtensions() });
    try {
      const apply = (name: string) => pg.exec(fs.readFileSync(path.join(dir, name, "migration.sql"), "utf8"));
      for (const name of names.slice(0, at)) await apply(name);
      const a = (i: number) => `00000000-0000-0000-0000-00000000000${i}`;
      await pg.exec(`
        INSERT INTO organizations (id, name) VALUES ('o_usd', 'Mostly USD'), ('o_tie', 'Tie'), ('o_none', 'No wallets');
        INSERT INTO agents (id, org_id, name, owner, description) VALUES
          ('${a(1)}', 'o_usd', 'a', '', ''), ('${a(2)}', 'o_usd', 'b', '', ''), ('${a(3)}', 'o_tie', 'c', '', '');
        INSERT INTO wallets (id, org_id, agent_id, currency) VALUES
          ('w1', 'o_usd', '${a(1)}', 'USD'), ('w2', 'o_usd', '${a(2)}', 'USD'), ('w3', 'o_usd', '${a(1)}', 'INR'),
          ('w4', 'o_tie', '${a(3)}', 'JPY'), ('w5', 'o_tie', '${a(3)}', 'EUR');`);
      for (const name of names.slice(at)) await apply(name);
      const rows = (await pg.query<{ id: string; currency: string }>(`SELECT id, currency FROM organizations ORDER BY id`)).rows;
      expect(rows).toEqual([
        { id: "o_none", currency: "INR" },
        { id: "o_tie", currency: "EUR" },
        { id: "o_usd", currency: "USD" },
      ]);
      const column = await pg.query<{ column_default: string | null; is_nullable: string }>(
        `SELECT column_default, is_nullable FROM information_schema.columns WHERE table_name = 'organizations' AND column_name = 'currency'`,
      );
      expect(column.rows).toEqual([{ column_default: null, is_nullable: "NO" }]);
    } finally {
      await pg.close();
    }
  }, 120_000);
});
