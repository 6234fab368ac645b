import { describe, expect, it } from "vitest";
import { evaluatePolicy } from "./evaluate-policy";
import { AGENT_ID, makeEvaluationInput as input, stepOf } from "./make-evaluation-input";
import { describeTimeWindow, isWithinTimeWindow } from "./time-window";
import { WEEKDAYS, type TimeWindowRule } from "./types";

const OFFICE: TimeWindowRule = { days: ["mon", "tue", "wed", "thu", "fri"], start: "09:00", end: "18:00", timeZone: null };
const NIGHT: TimeWindowRule = { days: ["fri"], start: "22:00", end: "06:00", timeZone: "UTC" };
const at = (iso: string) => new Date(iso);

describe("isWithinTimeWindow", () => {
  it("follows the organisation's zone unless the window names its own", () => {
    // Monday 2025-03-17 03:45 UTC is 09:15 in Kolkata (UTC+5:30) but 03:45 in UTC.
    expect(isWithinTimeWindow(OFFICE, at("2025-03-17T03:45:00Z"), "Asia/Kolkata")).toBe(true);
    expect(isWithinTimeWindow(OFFICE, at("2025-03-17T03:45:00Z"), "UTC")).toBe(false);
    expect(isWithinTimeWindow({ ...OFFICE, timeZone: "Asia/Kolkata" }, at("2025-03-17T03:45:00Z"), "UTC")).toBe(true);
  });

  it("start is inclusive, end exclusive; days are local days", () => {
    expect(isWithinTimeWindow(OFFICE, at("2025-03-17T09:00:00Z"), "UTC")).toBe(true);
    expect(isWithinTimeWindow(OFFICE, at("2025-03-17T17:59:00Z"), "UTC")).toBe(true);
    expect(isWithinTimeWindow(OFFICE, at("2025-03-17T18:00:00Z"), "UTC")).toBe(false);
    // Saturday 10:00 UTC; but Friday 23:30 in New York is Saturday 04:30 UTC: still Friday there.
    expect(isWithinTimeWindow(OFFICE, at("2025-03-15T10:00:00Z"), "UTC")).toBe(false);
    expect(isWithinTimeWindow({ ...OFFICE, end: "23:59" }, at("2025-03-15T03:30:00Z"), "America/New_York")).toBe(true);
  });

  it("follows daylight saving: 09:00 New York is 14:00 UTC in winter and 13:00 UTC in summer", () => {
    const ny = { ...OFFICE, timeZone: "America/New_York" };
    expect(isWithinTimeWindow(ny, at("2025-01-06T13:30:00Z"), "UTC")).toBe(false);
    expect(isWithinTimeWindow(ny, at("2025-01-06T14:30:00Z"), "UTC")).toBe(true);
    expect(isWithinTimeWindow(ny, at("2025-07-07T13:30:00Z"), "UTC")).toBe(true);
  });

  it("a window across midnight belongs to the day it starts on", () => {
    expect(isWithinTimeWindow(NIGHT, at("2025-03-14T23:00:00Z"), "UTC")).toBe(true); // Fri 23:00
    expect(isWithinTimeWindow(NIGHT, at("2025-03-15T05:59:00Z"), "UTC")).toBe(true); // Sat 05:59
    expect(isWithinTimeWindow(NIGHT, at("2025-03-15T06:00:00Z"), "UTC")).toBe(false);
    expect(isWithinTimeWindow(NIGHT, at("2025-03-14T03:00:00Z"), "UTC")).toBe(false); // Fri 03:00 is Thursday's night
    expect(isWithinTimeWindow(NIGHT, at("2025-03-15T23:00:00Z"), "UTC")).toBe(false); // Sat 23:00
  });

  it("start == end allows the whole of each listed day", () => {
    const weekend: TimeWindowRule = { days: ["sat", "sun"], start: "00:00", end: "00:00", timeZone: null };
    expect(isWithinTimeWindow(weekend, at("2025-03-16T23:59:00Z"), "UTC")).toBe(true);
    expect(isWithinTimeWindow(weekend, at("2025-03-17T00:00:00Z"), "UTC")).toBe(false);
  });

  it("describes itself for reasons", () => {
    expect(describeTimeWindow(OFFICE, "Asia/Kolkata")).toBe("Mon–Fri 09:00–18:00 Asia/Kolkata");
    expect(describeTimeWindow(NIGHT, "Asia/Kolkata")).toBe("Fri 22:00–06:00 UTC");
  });
});

describe("rule time_window", () => {
  it("is skipped without a window, passes inside it and denies outside it", () => {
    expect(stepOf(evaluatePolicy(input()), "time_window").result).toBe("skipped");
    const inside = evaluatePolicy(input({ rules: { timeWindow: OFFICE }, now: at("2025-03-17T10:00:00Z") }));
    expect(inside.outcome).toBe("approve");
    expect(stepOf(inside, "time_window").detail).toBe("It is Mon 10:00 in UTC, within the allowed hours (Mon–Fri 09:00–18:00 UTC).");
    const outside = evaluatePolicy(input({ rules: { timeWindow: OFFICE }, now: at("2025-03-15T10:00:00Z") }));
    expect(outside).toMatchObject({
      outcome: "deny",
      rule: "time_window",
      reason: "It is Sat 10:00 in UTC, outside the allowed hours (Mon–Fri 09:00–18:00 UTC).",
    });
  });

  it("an agent override cannot lift the organisation's window: both windows apply", () => {
    // Saturday 10:00 UTC: outside office hours. An override of "any time" (null) is no override.
    const lifted = evaluatePolicy(
      input({ rules: { timeWindow: OFFICE }, agentOverrides: { [AGENT_ID]: { timeWindow: null } }, now: at("2025-03-15T10:00:00Z") }),
    );
    expect(lifted).toMatchObject({ outcome: "deny", rule: "time_window" });
    // A wider window of the agent's own does not widen the organisation's either.
    const allWeek = { ...OFFICE, days: [...WEEKDAYS], start: "00:00", end: "00:00" };
    const wider = evaluatePolicy(
      input({ rules: { timeWindow: OFFICE }, agentOverrides: { [AGENT_ID]: { timeWindow: allWeek } }, now: at("2025-03-15T10:00:00Z") }),
    );
    expect(wider).toMatchObject({ outcome: "deny", rule: "time_window" });
    expect(wider.reason).toBe("It is Sat 10:00 in UTC, outside the organisation's allowed hours (Mon–Fri 09:00–18:00 UTC).");
  });

  it("an agent's own window narrows the organisation's", () => {
    const mornings = { ...OFFICE, end: "12:00" };
    const monday3pm = at("2025-03-17T15:00:00Z");
    expect(evaluatePolicy(input({ rules: { timeWindow: OFFICE }, now: monday3pm })).outcome).toBe("approve");
    const d = evaluatePolicy(input({ rules: { timeWindow: OFFICE }, agentOverrides: { [AGENT_ID]: { timeWindow: mornings } }, now: monday3pm }));
    expect(d).toMatchObject({
      outcome: "deny",
      rule: "time_window",
      reason: "It is Mon 15:00 in UTC, outside the agent's own allowed hours (Mon–Fri 09:00–12:00 UTC).",
    });
    const ok = evaluatePolicy(
      input({ rules: { timeWindow: OFFICE }, agentOverrides: { [AGENT_ID]: { timeWindow: mornings } }, now: at("2025-03-17T10:00:00Z") }),
    );
    expect(stepOf(ok, "time_window")).toMatchObject({
      result: "pass",
      detail: "It is Mon 10:00 in UTC, within the allowed hours (Mon–Fri 09:00–18:00 UTC and Mon–Fri 09:00–12:00 UTC).",
    });
    // Without an organisation window, the agent's own applies alone.
    expect(evaluatePolicy(input({ agentOverrides: { [AGENT_ID]: { timeWindow: mornings } }, now: monday3pm })).rule).toBe("time_window");
  });
});

describe("rule frozen", () => {
  it("passes while nothing is frozen and denies everything, first, while frozen", () => {
    expect(stepOf(evaluatePolicy(input()), "frozen").result).toBe("pass");
    const freeze = { scope: "organization" as const, since: "2025-03-15T09:00:00.000Z", by: "cfo@acme.test", reason: "Card leak suspected." };
    const d = evaluatePolicy({ ...input({ intent: { amount: 100 } }), freeze });
    expect(d).toMatchObject({ outcome: "deny", rule: "frozen" });
    expect(d.reason).toBe("All spending of the organisation is frozen (since 2025-03-15T09:00:00.000Z by cfo@acme.test). Reason: Card leak suspected.");
    const agent = evaluatePolicy({ ...input(), freeze: { ...freeze, scope: "agent", reason: null, by: null } });
    expect(agent.reason).toBe("All spending of this agent is frozen (since 2025-03-15T09:00:00.000Z).");
  });
});
