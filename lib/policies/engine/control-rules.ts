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

  time_window: ({ input, rules }) => {
    const w = rules.timeWindow;
    if (!w) return skipped("Spending is allowed at any time.");
    const zone = w.timeZone ?? input.timeZone;
    const at = localMoment(input.now, zone);
    const day = at.weekday.charAt(0).toUpperCase() + at.weekday.slice(1);
    const allowed = describeTimeWindow(w, input.timeZone);
    if (isWithinTimeWindow(w, input.now, input.timeZone)) return pass(`It is ${day} ${at.time} in ${zone}, within the allowed hours (${allowed}).`);
    return deny(`It is ${day} ${at.time} in ${zone}, outside the allowed hours (${allowed}).`);
  },
};
