import { describe, expect, it } from "vitest";
import { API_CSP, pageCsp, requestIsHttps, securityHeaders } from "./security-headers";

describe("pageCsp", () => {
  it("allows scripts only with the nonce, forbids framing, and has no inline-script hole in production", () => {
    const csp = pageCsp("abc123", false);
    const script = csp.split("; ").find((d) => d.startsWith("script-src"))!;
    expect(script).toBe("script-src 'self' 'nonce-abc123' 'strict-dynamic'");
    expect(script).not.toMatch(/unsafe-inline|unsafe-eval/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(API_CSP).toContain("frame-ancestors 'none'");
  });
});

describe("securityHeaders", () => {
  it("sends nosniff and a referrer policy always, HSTS only over https", () => {
    expect(securityHeaders(false)).toMatchObject({ "X-Content-Type-Options": "nosniff", "Referrer-Policy": "strict-origin-when-cross-origin" });
    expect(securityHeaders(false)["Strict-Transport-Security"]).toBeUndefined();
    expect(securityHeaders(true)["Strict-Transport-Security"]).toMatch(/max-age=\d+/);
  });
});

describe("requestIsHttps", () => {
  it("believes the request's URL, and X-Forwarded-Proto only behind a trusted proxy (none by default)", () => {
    expect(requestIsHttps(new URL("https://a.test/api/v1/intents"), null)).toBe(true);
    expect(requestIsHttps(new URL("http://a.test/api/v1/intents"), null)).toBe(false);
    expect(requestIsHttps(new URL("http://a.test/api/v1/intents"), "https")).toBe(false);
  });
});
