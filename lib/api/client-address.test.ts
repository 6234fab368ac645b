import { beforeAll, describe, expect, it } from "vitest";
import { clientAddress, isLoopbackPeer } from "./client-address";

// What the request guard (scripts/request-guard.mjs) keeps for this process and stamps on every request.
const STAMP = "test-stamp";
beforeAll(() => {
  (globalThis as { __aegisPeerStamp?: string }).__aegisPeerStamp = STAMP;
});
const stamped = (o: Record<string, string>) => ("x-aegis-peer-address" in o ? { "x-aegis-peer-stamp": STAMP, ...o } : o);

describe("clientAddress", () => {
  const h = (o: Record<string, string>) => new Headers(stamped(o));

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
    expect(clientAddress(stamped({ "x-aegis-peer-address": "192.0.2.1" }), 0)).toBe("192.0.2.1");
  });

  it("does not believe a peer address without this process's stamp (a client wrote it)", () => {
    expect(clientAddress(new Headers({ "x-aegis-peer-address": "10.1.2.3" }), 0)).toBe("unknown");
    expect(clientAddress(new Headers({ "x-aegis-peer-address": "10.1.2.3", "x-aegis-peer-stamp": "guessed" }), 0)).toBe("unknown");
    expect(isLoopbackPeer(new Headers({ "x-aegis-peer-address": "127.0.0.1", "x-aegis-peer-stamp": "guessed" }))).toBe(false);
  });
});

describe("isLoopbackPeer", () => {
  it("trusts only the socket address", () => {
    expect(isLoopbackPeer(new Headers(stamped({ "x-aegis-peer-address": "127.0.0.1" })))).toBe(true);
    expect(isLoopbackPeer(new Headers(stamped({ "x-aegis-peer-address": "::ffff:127.0.0.1" })))).toBe(true);
    expect(isLoopbackPeer(new Headers(stamped({ "x-aegis-peer-address": "::1" })))).toBe(true);
    expect(isLoopbackPeer(new Headers(stamped({ "x-aegis-peer-address": "192.168.1.5", "x-forwarded-for": "127.0.0.1" })))).toBe(false);
    expect(isLoopbackPeer(new Headers({ "x-forwarded-for": "127.0.0.1" }))).toBe(false);
  });
});
