import { describe, expect, it } from "vitest";
import { timeZoneChoices } from "./time-zones";

describe("timeZoneChoices", () => {
  it("offers current names (Asia/Kolkata, not Asia/Calcutta), UTC first, and the zone in use", () => {
    const zones = timeZoneChoices("Etc/GMT+3", ["Asia/Calcutta", "Europe/London"]);
    expect(zones).toEqual(["UTC", "Asia/Kolkata", "Etc/GMT+3", "Europe/London"]);
    expect(timeZoneChoices("Asia/Kolkata")).toContain("Asia/Kolkata");
    expect(timeZoneChoices("Asia/Kolkata")).not.toContain("Asia/Calcutta");
  });
});
