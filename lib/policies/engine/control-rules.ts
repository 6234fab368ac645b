import { deny, pass, skipped, type RuleChecks } from "./rule-check";
import { describeTimeWindow, isWithinTimeWindow, localMoment } from "./time-window";

/** Rules an admin uses to stop spending outright: the kill switch and allowed hours. */
export const controlRules: RuleChecks<"frozen" | "time_window"> = {
  frozen: ({ input }) => {
    const f = input.freeze;
    if (!f) return pass("Spending is not frozen.");
    const whose = f.scope === "organization" ? "the organisation" : "this agent";
    const why = f.reason ? ` Reason: ${f.reason.replace(/[.\s]+$/, "")}.` : "";
    return deny(`All spending of ${whose} is frozen (since ${f.since}${f.by ? ` by ${f.by}` : ""}).${why}`);
  },

  // The organisation's window and an agent's own both apply: an override narrows the hours, never widens them.
  time_window: ({ input, rules }) => {
    const windows = rules.timeWindows;
    if (windows.length === 0) return skipped("Spending is allowed at any time.");
    for (const { owner, window: w } of windows) {
      if (isWithinTimeWindow(w, input.now, input.timeZone)) continue;
      const zone = w.timeZone ?? input.timeZone;
      const at = localMoment(input.now, zone);
      const day = at.weekday.charAt(0).toUpperCase() + at.weekday.slice(1);
      const whose = windows.length > 1 ? (owner === "agent" ? "the agent's own " : "the organisation's ") : "the ";
      return deny(`It is ${day} ${at.time} in ${zone}, outside ${whose}allowed hours (${describeTimeWindow(w, input.timeZone)}).`);
    }
    const allowed = windows.map((w) => describeTimeWindow(w.window, input.timeZone)).join(" and ");
    const zone = windows[0].window.timeZone ?? input.timeZone;
    const at = localMoment(input.now, zone);
    const day = at.weekday.charAt(0).toUpperCase() + at.weekday.slice(1);
    return pass(`It is ${day} ${at.time} in ${zone}, within the allowed hours (${allowed}).`);
  },
};
