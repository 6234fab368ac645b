import { beforeAll, describe, expect, it } from "vitest";
import { api, expectError } from "../../support/http";
import { createOrg, intentBody, type TestOrg } from "../../support/factories";
import { expectMoneyConsistent, moneyOf } from "./money";

/**
 * Attack corpus (issue 17, item 7): amounts no parser may read two ways. Every one is a 400 in
 * the API error body (never a 500, never a rounded or clamped amount), on submit, capture and
 * approval answers, and no money moves.
 */
let org: TestOrg;
beforeAll(async () => {
  org = await createOrg();
});

const raw = (key: string, path: string, text: string) => api(key, "POST", path, text, { "Content-Type": "application/json" });
const body = (amount: string) => `{"amount":${amount},"currency":"INR","reason":"corpus: malformed amount"}`;

const MALFORMED: [string, string][] = [
  ["NaN", body("NaN")],
  ["Infinity", body("Infinity")],
  ["1e309 (parses to Infinity)", body("1e309")],
  ["-1e309", body("-1e309")],
  ["a number as a string", body('"12500"')],
  ["a string with a unit", body('"₹125"')],
  ["an array", body("[12500]")],
  ["an object", body('{"value":12500}')],
  ["null", body("null")],
  ["true", body("true")],
  ["a fraction", body("125.5")],
  ["zero", body("0")],
  ["negative", body("-12500")],
  ["negative zero", body("-0")],
  ["above 2^53", body("9007199254740993")],
  ["1e21", body("1e21")],
  ["hex", body("0x3039")],
  ["a leading plus", body("+12500")],
  ["duplicated key, small then large", `{"amount":100,"currency":"INR","reason":"dup","amount":99999999}`],
  ["duplicated key, spelled with an escape", `{"amount":100,"currency":"INR","reason":"dup","\\u0061mount":99999999}`],
  ["duplicated currency", `{"amount":100,"currency":"INR","reason":"dup","currency":"USD"}`],
  ["deeply nested amount", body(`${'{"a":'.repeat(5000)}1${"}".repeat(5000)}`)],
];

describe("attack corpus: malformed amounts", () => {
  it.each(MALFORMED)("submit with %s is a 400 and creates nothing", async (_name, text) => {
    const before = (await api(org.admin.key, "GET", `/api/v1/intents?agent_id=${org.agent.id}&limit=100`)).body.data.length;
    const res = await raw(org.agent.key, "/api/v1/intents", text);
    expectError(res, 400);
    expect((await api(org.admin.key, "GET", `/api/v1/intents?agent_id=${org.agent.id}&limit=100`)).body.data.length).toBe(before);
  });

  it("a capture of an approved intent with a malformed amount is a 400; the approved amount stays unsettled", async () => {
    const intent = (await api(org.agent.key, "POST", "/api/v1/intents", intentBody({ amount: 5_000 }))).body;
    expect(intent.status).toBe("approved");
    const before = await moneyOf(org.admin.key, org.agent.id);
    for (const [, text] of MALFORMED) {
      const capture = text.replace(/"currency":"[A-Z]+",?/g, "").replace(/,?"reason":"[^"]*"/g, "");
      const res = await raw(org.agent.key, `/api/v1/intents/${intent.id}/capture`, capture);
      expect(res.status, capture.slice(0, 80)).toBe(400);
    }
    const after = await expectMoneyConsistent(org.admin.key, org.agent.id);
    expect(after.balance).toBe(before.balance);
    expect((await api(org.agent.key, "GET", `/api/v1/intents/${intent.id}`)).body.settlement).toBe("uncaptured");
  });

  it("an approval answer with a duplicated decision key is a 400 and answers nothing", async () => {
    const intent = (await api(org.agent.key, "POST", "/api/v1/intents", intentBody({ amount: 2_000_000 }))).body;
    expect(intent.status).toBe("pending_approval");
    const res = await raw(org.approver.key, `/api/v1/approvals/${intent.approval.id}`, `{"decision":"reject","decision":"approve"}`);
    expectError(res, 400, "validation_error");
    expect((await api(org.agent.key, "GET", `/api/v1/intents/${intent.id}`)).body.status).toBe("pending_approval");
  });
});
