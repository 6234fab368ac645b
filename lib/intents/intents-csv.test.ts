import { describe, expect, it } from "vitest";
import type { IntentDto } from "./intent-schemas";
import { INTENTS_CSV_HEADER, intentCsvLine } from "./intents-csv";

const intent = (over: Partial<IntentDto> = {}) =>
  ({
    id: "int_1",
    created_at: "2026-11-28T10:00:00.000Z",
    agent_id: "a1",
    merchant: "Figma, Inc.",
    merchant_category: "saas",
    amount: 1_250_000,
    currency: "INR",
    status: "approved",
    policy_decision: null,
    confidence: 0.9,
    reason: "Seats",
    decided_at: "2026-11-28T10:00:01.000Z",
    captured_amount: 1_000_000,
    settlement: "captured",
    settled_at: "2026-11-29T10:00:00.000Z",
    approval: { id: "apr_1", status: "approved", expires_at: "2026-12-01T00:00:00.000Z" },
    metadata: {},
    ...over,
  }) as IntentDto;

const cells = (line: string) => line.trimEnd().split(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/);
const col = (line: string, name: string) => cells(line)[INTENTS_CSV_HEADER.indexOf(name)];

describe("the intents CSV", () => {
  it("gives what was paid, who answered, the capture memo, and the agent's GL code and cost centre", () => {
    const line = intentCsvLine(intent(), {
      agent: { name: "Design bot", gl_code: "6100", cost_center: "DESIGN" },
      answers: { approvedBy: ["Anita Desai", "Vikram Rao"], rejectedBy: null, comments: ["Anita Desai: ok"] },
      memo: "INV-1042",
    });
    expect(cells(line)).toHaveLength(INTENTS_CSV_HEADER.length);
    expect(col(line, "amount")).toBe("12500.00");
    expect(col(line, "captured_amount")).toBe("10000.00");
    expect(col(line, "state")).toBe("partially_captured");
    expect(col(line, "approved_by")).toBe("Anita Desai; Vikram Rao");
    expect(col(line, "capture_memo")).toBe("INV-1042");
    expect(col(line, "gl_code")).toBe("6100");
    expect(col(line, "cost_center")).toBe("DESIGN");
    expect(col(line, "merchant")).toBe('"Figma, Inc."');
  });

  it("takes an intent's own GL code and cost centre from its metadata over the agent's", () => {
    const line = intentCsvLine(intent({ metadata: { gl_code: "6200", cost_center: 7 } }), {
      agent: { name: "Bot", gl_code: "6100", cost_center: "ENG" },
      answers: undefined,
      memo: undefined,
    });
    expect(col(line, "gl_code")).toBe("6200");
    expect(col(line, "cost_center")).toBe("ENG"); // a number is not a code: the agent's stays
  });
});
