import { describe, expect, it } from "vitest";
import { ListIntentsQuerySchema, SubmitIntentSchema } from "./intent-schemas";

const valid = { amount: 12500, currency: "inr", reason: " Renewal ", confidence: 0.97, merchant: "Notion", merchant_category: "SaaS" };

describe("SubmitIntentSchema", () => {
  it("normalises currency and category, trims text", () => {
    expect(SubmitIntentSchema.parse(valid)).toMatchObject({ currency: "INR", merchant_category: "saas", reason: "Renewal" });
  });

  it.each([
    [{ amount: 1.5 }],
    [{ amount: 0 }],
    [{ amount: 2 ** 53 }],
    [{ currency: "IN" }],
    [{ confidence: -0.1 }],
    [{ reason: "" }],
    [{ extra: 1 }],
    [{ metadata: { nested: { a: 1 } } }],
    [{ metadata: Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, i])) }],
    [
      {
        metadata: {
          big: "x".repeat(1000),
          b2: "x".repeat(1000),
          b3: "x".repeat(1000),
          b4: "x".repeat(1000),
          b5: "x".repeat(1000),
          b6: "x".repeat(1000),
          b7: "x".repeat(1000),
          b8: "x".repeat(1000),
          b9: "x".repeat(1000),
        },
      },
    ],
  ])("rejects %j", (override) => {
    expect(SubmitIntentSchema.safeParse({ ...valid, ...override }).success).toBe(false);
  });

  it("accepts the limits exactly", () => {
    expect(SubmitIntentSchema.safeParse({ ...valid, amount: Number.MAX_SAFE_INTEGER, confidence: 0 }).success).toBe(true);
    expect(SubmitIntentSchema.safeParse({ ...valid, confidence: 1, metadata: { ids: ["a", 1, true] } }).success).toBe(true);
  });
});

describe("ListIntentsQuerySchema", () => {
  it("splits a status list and defaults the limit", () => {
    expect(ListIntentsQuerySchema.parse({ status: "approved, denied" })).toMatchObject({ status: ["approved", "denied"], limit: 20 });
  });
  it("rejects unknown statuses, limits out of range and unknown parameters", () => {
    for (const q of [{ status: "approved,nope" }, { limit: "0" }, { limit: "101" }, { foo: "1" }]) {
      expect(ListIntentsQuerySchema.safeParse(q).success).toBe(false);
    }
  });
});
