import { beforeAll, describe, expect, it } from "vitest";
import { api, expectError } from "../../support/http";
import { createOrg, intentBody, setPolicy, type TestOrg } from "../../support/factories";

/**
 * Attack corpus (issue 17, item 7): getting a blocked merchant or category past the lists, or an
 * unlisted merchant past an allowlist, by spelling, by invisible characters, by a longer name, or
 * by an agent override. Every attempt is denied by the list (or refused as input: 400).
 */
let org: TestOrg;
let allow: TestOrg;
beforeAll(async () => {
  [org, allow] = await Promise.all([createOrg(), createOrg()]);
  await setPolicy(org.id, (doc) => {
    doc.rules.category_blocklist = ["gambling"];
    doc.rules.merchant_blocklist = ["Evil Corp"];
    // The agent's override tries to lift both blocks and allow them instead.
    doc.agent_overrides[org.agent.id] = { category_blocklist: [], merchant_blocklist: [], category_allowlist: ["gambling"] };
  });
  await setPolicy(allow.id, (doc) => {
    doc.rules.merchant_allowlist = ["Notion", "AWS"];
  });
});

const submit = (o: TestOrg, extra: Record<string, unknown>) => api(o.agent.key, "POST", "/api/v1/intents", intentBody({ amount: 5_000, ...extra }));
const FULLWIDTH = (s: string) => s.replace(/[a-z]/gi, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

describe("attack corpus: allow and block list bypasses", () => {
  it.each([["GAMBLING"], [" Gambling\t"], [FULLWIDTH("gambling")], [FULLWIDTH("GAMBLING")]])(
    "category %j is blocked, whatever the agent's override says",
    async (category) => {
      const res = await submit(org, { merchant_category: category });
      expect(res.body.policy_decision).toMatchObject({ outcome: "deny", rule: "category_blocklist" });
    },
  );

  it.each([["EVIL CORP"], ["  evil corp "], [FULLWIDTH("Evil Corp")]])("merchant %j is blocked", async (merchant) => {
    const res = await submit(org, { merchant });
    expect(res.body.policy_decision).toMatchObject({ outcome: "deny", rule: "merchant_blocklist" });
  });

  it.each([["\u200bgambling"], ["gam\u200bbling"], ["gambl\u00adi\u00adng"], ["gambling\u2060"], ["gamb\u0000ling"], ["gambling\u202e"]])(
    "category %j with invisible or control characters is refused as input (400), never compared",
    async (category) => {
      expectError(await submit(org, { merchant_category: category }), 400, "validation_error");
    },
  );

  it.each([["Evil\u200bCorp"], ["Evil\u2060Corp"], ["E\u200dvil Corp"]])(
    "merchant %j with invisible characters is refused as input (400)",
    async (merchant) => {
      expectError(await submit(org, { merchant }), 400, "validation_error");
    },
  );

  it.each([["Notion Labs"], ["Notion.evil.example"], ["xNotion"], ["N\u043etion"], ["AWS Marketplace"], ["AW"]])(
    "merchant %j is not on an allowlist of Notion and AWS (whole names only, no look-alikes)",
    async (merchant) => {
      const res = await submit(allow, { merchant });
      expect(res.body.policy_decision).toMatchObject({ outcome: "deny", rule: "merchant_allowlist" });
    },
  );

  it("an intent with no merchant at all does not pass an allowlist", async () => {
    const res = await api(allow.agent.key, "POST", "/api/v1/intents", { amount: 5_000, currency: "INR", reason: "no merchant named" });
    expect(res.body.policy_decision).toMatchObject({ outcome: "deny", rule: "merchant_allowlist" });
  });

  it("the listed names themselves, in any case, pass", async () => {
    for (const merchant of ["Notion", "notion", " AWS "]) expect((await submit(allow, { merchant })).body.status).toBe("approved");
  });
});
