import { describe, expect, it } from "vitest";
import { checkWebhookUrl, isPublicAddress } from "./check-webhook-url";

describe("checkWebhookUrl", () => {
  it("accepts public http(s) URLs and drops the fragment", () => {
    expect(checkWebhookUrl("https://hooks.example.com/aegis#x", false)).toBe("https://hooks.example.com/aegis");
    expect(checkWebhookUrl("http://93.184.216.34:8080/in", false)).toBe("http://93.184.216.34:8080/in");
  });

  it.each(["ftp://example.com/", "not a url", "https://user:pw@example.com/", "javascript:alert(1)"])("refuses %s", (url) => {
    expect(() => checkWebhookUrl(url, true)).toThrow(/url:/);
  });

  it.each([
    "http://localhost:3000/",
    "http://127.0.0.1/",
    "http://10.1.2.3/",
    "http://172.16.0.1/",
    "http://192.168.1.1/",
    "http://169.254.169.254/latest/meta-data",
    "http://100.64.0.1/",
    "http://0.0.0.0/",
    "http://[::1]/",
    "http://[fd00::1]/",
    "http://[::ffff:127.0.0.1]/",
    "http://metadata.google.internal/",
  ])("refuses the non-public %s unless private URLs are allowed", (url) => {
    expect(() => checkWebhookUrl(url, false)).toThrow(/public address/);
    expect(() => checkWebhookUrl(url, true)).not.toThrow();
  });
});

describe("isPublicAddress", () => {
  it("knows public from private", () => {
    expect(isPublicAddress("8.8.8.8")).toBe(true);
    expect(isPublicAddress("2606:4700::1111")).toBe(true);
    expect(isPublicAddress("127.0.0.1")).toBe(false);
    expect(isPublicAddress("fe80::1")).toBe(false);
  });
});
