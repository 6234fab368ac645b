import { describe, expect, it } from "vitest";
import { findUnsafeText, hasUnsafeText } from "./unsafe-text";

describe("hasUnsafeText", () => {
  it("finds NUL and lone surrogates, accepts paired surrogates and ordinary text", () => {
    expect(hasUnsafeText("a\u0000b")).toBe(true);
    expect(hasUnsafeText("a\uD800")).toBe(true);
    expect(hasUnsafeText("\uDC00a")).toBe(true);
    expect(hasUnsafeText("\uDC00\uD800")).toBe(true);
    expect(hasUnsafeText("emoji 😀 ok")).toBe(false);
    expect(hasUnsafeText("₹1,00,000 – naïve")).toBe(false);
  });
});

describe("findUnsafeText", () => {
  it("names the path of the first bad key or value, nested in objects and arrays", () => {
    expect(findUnsafeText({ reason: "ok", metadata: { tags: ["x", "y\u0000"] } })).toBe("metadata.tags.1");
    expect(findUnsafeText({ metadata: { ["k\uD800"]: 1 } })).toBe("metadata");
    expect(findUnsafeText({ a: 1, b: [true, null, "fine"] })).toBeNull();
    expect(findUnsafeText("\u0000")).toBe("(body)");
  });
});
