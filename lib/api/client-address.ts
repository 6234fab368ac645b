import { env } from "@/lib/env";

/**
 * The client's address for rate limits and the admin channel's loopback check.
 * X-Aegis-Peer-Address is written by the server itself (scripts/request-guard.mjs, installed in
 * every start mode) over any value a client sent, next to X-Aegis-Peer-Stamp, a secret of this
 * process: without the matching stamp the address is not believed ("unknown"), so a client's
 * own header never counts even where the guard did not run. X-Forwarded-For is believed only
 * when AEGIS_TRUSTED_PROXIES says how many proxies of ours stand in front (1: the right-most
 * entry is the address our proxy saw).
 */
type HeaderSource = { get(name: string): string | null } | Record<string, unknown> | undefined;

function header(h: HeaderSource, name: string): string {
  if (!h) return "";
  const v = typeof (h as { get?: unknown }).get === "function" ? (h as { get(n: string): string | null }).get(name) : (h as Record<string, unknown>)[name];
  return typeof v === "string" ? v : "";
}

export function trustedProxyCount(): number {
  return env().AEGIS_TRUSTED_PROXIES;
}

/** The socket's address as the request guard stamped it, or "" when the stamp is missing or wrong. */
function socketAddress(h: HeaderSource): string {
  const stamp = (globalThis as { __aegisPeerStamp?: string }).__aegisPeerStamp;
  return stamp && header(h, "x-aegis-peer-stamp") === stamp ? header(h, "x-aegis-peer-address").trim() : "";
}

export function clientAddress(h: HeaderSource, proxies = trustedProxyCount()): string {
  const peer = socketAddress(h);
  if (proxies > 0) {
    const hops = header(h, "x-forwarded-for")
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean);
    const forwarded = hops[hops.length - proxies];
    if (forwarded) return forwarded;
  }
  return peer || "unknown";
}

const LOOPBACK = /^(127\.\d{1,3}\.\d{1,3}\.\d{1,3}|::1|::ffff:127\.\d{1,3}\.\d{1,3}\.\d{1,3})$/;

/** True only for a connection from this machine, judged by the socket, never by a header a client wrote. */
export function isLoopbackPeer(h: HeaderSource): boolean {
  return LOOPBACK.test(socketAddress(h));
}
