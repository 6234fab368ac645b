import ipaddr from "ipaddr.js";
import { AppError } from "@/lib/errors/app-error";

const field = (issue: string) => new AppError("validation_error", `url: ${issue}`, [{ field: "url", issue }]);

/**
 * Registration-time URL check (the SSRF guard's first half): http(s) only, no credentials,
 * and — unless private URLs are allowed — no loopback, private, link-local or otherwise
 * non-public literal address or `localhost`. Host names are checked again where it counts,
 * at connect time, by the delivery agent (a name may resolve to a private address later).
 */
export function checkWebhookUrl(raw: string, allowPrivate: boolean): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw field("not a valid URL");
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") throw field("must start with https:// or http://");
  if (url.username || url.password) throw field("must not contain credentials");
  url.hash = "";
  if (!allowPrivate) {
    const host = url.hostname.replace(/^\[|\]$/g, "").toLowerCase();
    if (host === "localhost" || host.endsWith(".localhost") || host.endsWith(".internal")) throw field("must be a public address");
    if (ipaddr.isValid(host) && !isPublicAddress(host)) throw field("must be a public address");
  }
  return url.toString();
}

export function isPublicAddress(ip: string): boolean {
  let addr = ipaddr.parse(ip);
  if (addr.kind() === "ipv6" && (addr as ipaddr.IPv6).isIPv4MappedAddress()) addr = (addr as ipaddr.IPv6).toIPv4Address();
  return addr.range() === "unicast";
}
