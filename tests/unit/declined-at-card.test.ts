import { describe, expect, it } from "vitest";
import { DECLINED_AT_CARD_TEXT } from "@/components/rails/declined-at-card";
import { DECLINED_AT_CARD } from "@/lib/rails/decide-card-authorization";

describe("declined at the card", () => {
  it("reads the same to people in the dashboard as to the agent", () => {
    expect(DECLINED_AT_CARD_TEXT.toLowerCase()).toBe(DECLINED_AT_CARD.toLowerCase());
  });
});
