import { describe, expect, it } from "vitest";
import { clientAddress, isLoopbackPeer } from "./client-address";

describe("clientAddress", () => {
  const h = (o: Record<string, string>) => new Headers(o);

  it("uses the socket's address and ignores X-Forwarded-For without a configured proxy", () => {
    expect(clientAddress(h({ "x-aegis-peer-address": "10.1.2.3", "x-forwarded-for": "6.6.6.6" }), 0)).toBe("10.1.2.3");
    expect(clientAddress(h({}), 0)).toBe("unknown");
  });

  it("behind N trusted proxies takes the N-th address from the right", () => {
    const headers = h({ "x-aegis-peer-address": "10.0.0.1", "x-forwarded-for": "6.6.6.6, 203.0.113.9" });
    expect(clientAddress(headers, 1)).toBe("203.0.113.9");
    expect(clientAddress(headers, 2)).toBe("6.6.6.6");
    expect(clientAddress(h({ "x-aegis-peer-address": "10.0.0.1" }), 1)).toBe("10.0.0.1");
  });

  it("reads plain header records too (next-auth hands those to authorize)", () => {
    expect(clientAddress({ "x-aegis-peer-address": "192.0.2.1" }, 0)).toBe("192.0.2.1");
  });
});

describe("isLoopbackPeer", () => {
  it("trusts only the socket address", () => {
    expect(isLoopbackPeer(new Headers({ "x-aegis-peer-address": "127.0.0.1" }))).toBe(true);
    expect(isLoopbackPeer(new Headers({ "x-aegis-peer-address": "::ffff:127.0.0.1" }))).toBe(true);
    expect(isLoopbackPeer(new Headers({ "x-aegis-peer-address": "::1" }))).toBe(true);
    expect(isLoopbackPeer(new Headers({ "x-aegis-peer-address": "192.168.1.5", "x-forwarded-for": "127.0.0.1" }))).toBe(false);
    expect(isLoopbackPeer(new Headers({ "x-forwarded-for": "127.0.0.1" }))).toBe(false);
  });
});
