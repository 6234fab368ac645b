import { beforeAll, describe, expect, it } from "vitest";
import { adminChannelAllows } from "./admin-channel";

// The request guard's per-process stamp (scripts/request-guard.mjs) marks the address as the socket's.
beforeAll(() => {
  (globalThis as { __aegisPeerStamp?: string }).__aegisPeerStamp = "test-stamp";
});
const from = (peer: string, extra: Record<string, string> = {}) => new Headers({ "x-aegis-peer-address": peer, "x-aegis-peer-stamp": "test-stamp", ...extra });

describe("adminChannelAllows", () => {
  it("answers loopback connections on the embedded database", () => {
    expect(adminChannelAllows(from("127.0.0.1"), "pglite", false)).toBe(true);
    expect(adminChannelAllows(from("::1"), "pglite", false)).toBe(true);
  });

  it("refuses other addresses, whatever forwarding headers claim", () => {
    expect(adminChannelAllows(from("192.0.2.7", { "x-forwarded-for": "127.0.0.1", "x-real-ip": "127.0.0.1" }), "pglite", false)).toBe(false);
    expect(adminChannelAllows(new Headers({ "x-forwarded-for": "127.0.0.1" }), "pglite", false)).toBe(false);
  });

  it("is closed on PostgreSQL unless explicitly enabled", () => {
    expect(adminChannelAllows(from("127.0.0.1"), "postgresql", false)).toBe(false);
    expect(adminChannelAllows(from("127.0.0.1"), "postgresql", true)).toBe(true);
  });
});
