import { beforeAll, describe, expect, it } from "vitest";
import { admin, createOrg, intentBody, type TestOrg } from "./support/factories";
import { api, expectError } from "./support/http";

// Issue 17: policy amounts are in the organisation's currency, said so, and never read in another.
let org: TestOrg;
beforeAll(async () => {
  org = await createOrg(); // INR
});

const current = async (o: TestOrg = org) => (await api(o.admin.key, "GET", "/api/v1/policy")).body;
const put = (document: unknown, base_version: number) => api(org.admin.key, "PUT", "/api/v1/policy", { base_version, document, reason: "Currency test" });

describe("the policy document states its currency", () => {
  it("GET shows the organisation's currency, for every organisation", async () => {
    expect((await current()).document.currency).toBe("INR");
    const yen = await createOrg({ currency: "JPY" });
    expect((await current(yen)).document.currency).toBe("JPY");
    expect((await admin(["policy", "show"], { org: yen.id })).currency).toBe("JPY");
  });

  it("refuses a PUT in another currency with a plain 400, and saves nothing", async () => {
    const base = await current();
    const res = await put({ ...base.document, currency: "usd" }, base.version);
    const error = expectError(res, 400, "validation_error");
    expect(error.message).toMatch(/^Policy amounts are in the organisation's currency, INR; this document says USD\./);
    expect(error.details).toEqual([{ field: "currency", issue: "must be INR, the organisation's currency" }]);
    expect((await current()).version).toBe(base.version);
    // The CLI says the same.
    await expect(
      admin(["policy", "set"], { org: org.id, policy: { ...base.document, currency: "EUR", base_version: base.version }, reason: "Currency test" }),
    ).rejects.toThrow(/400.*this document says EUR/);
  });

  it("reads a PUT without a currency as the organisation's (older clients), and one naming it in any case", async () => {
    const base = await current();
    const { currency, ...without } = base.document;
    expect(currency).toBe("INR");
    const saved = await put({ ...without, rules: { ...without.rules, hard_limit: 9_000_000 } }, base.version);
    expect(saved.status).toBe(200);
    expect(saved.body.document).toMatchObject({ currency: "INR", rules: { hard_limit: 9_000_000 } });
    // Stating the currency in another case changes nothing, so a person's PUT of only that is refused.
    expect((await put({ ...saved.body.document, currency: "inr" }, saved.body.version)).status).toBe(400);
    const next = await put({ ...saved.body.document, currency: "inr", rules: { ...saved.body.document.rules, hard_limit: 9_100_000 } }, saved.body.version);
    expect(next.status).toBe(200);
    const versions = await api(org.viewer.key, "GET", "/api/v1/policy/versions");
    expect(versions.status).toBe(200);
    expect(versions.body.data[0].changes).toHaveLength(1); // the hard limit; stating the currency is not a change
    expect(JSON.stringify(versions.body.data[0].changes)).toContain("hard_limit");
    expect(versions.body.data.every((v: { document: { currency: string } }) => v.document.currency === "INR")).toBe(true);
  });
});

describe("another currency than the organisation's", () => {
  it("is denied by the currency rule, naming the policy's currency, and moves no money", async () => {
    const res = await api(org.agent.key, "POST", "/api/v1/intents", intentBody({ currency: "USD", amount: 100 }));
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      currency: "USD",
      status: "denied",
      policy_decision: {
        outcome: "deny",
        rule: "currency",
        reason: "Limits are in INR; this intent is in USD, which the organisation does not spend in.",
      },
    });
  });

  it("cannot get a wallet: agent create and wallet fund refuse it with a 400 naming the currencies", async () => {
    await expect(admin(["agent", "create"], { org: org.id, name: "Dollar bot", balance: 100, currency: "USD" })).rejects.toThrow(
      /400.*Wallets are in the organisation's currency, INR.*does not spend in USD/,
    );
    await expect(admin(["wallet", "fund"], { agent: org.agent.id, amount: 100, currency: "EUR" })).rejects.toThrow(/400.*does not spend in EUR/);
    const agent = await api(org.viewer.key, "GET", `/api/v1/agents/${org.agent.id}`);
    expect(agent.body.wallet).toMatchObject({ currency: "INR", balance: 10_000_000 });
    // The organisation's own currency, named, is fine.
    expect(await admin(["wallet", "fund"], { agent: org.agent.id, amount: 100, currency: "inr" })).toMatchObject({ wallet: { currency: "INR" } });
  });
});
