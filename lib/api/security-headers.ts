import { trustedProxyCount } from "@/lib/api/client-address";
import { isDevelopment } from "@/lib/env";
/**
 * Security headers for every response (issue 9, finding 13). Pages get a nonce-based CSP:
 * no inline script runs unless it carries this request's nonce (Next.js puts the nonce on
 * its own scripts when it finds the policy on the request), and 'strict-dynamic' lets those
 * load the chunks they need. Styles allow inline attributes (React style props); scripts
 * have no inline hole. API responses are data: they may load nothing at all.
 */
export function pageCsp(nonce: string, dev = isDevelopment()): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

export const API_CSP = "default-src 'none'; frame-ancestors 'none'";

/** The headers besides CSP; HSTS only when the request came over https. */
export function securityHeaders(https: boolean): Record<string, string> {
  return {
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=()",
    ...(https ? { "Strict-Transport-Security": "max-age=63072000; includeSubDomains" } : {}),
  };
}

/** Methods the app answers; anything else (TRACE, CONNECT, made-up verbs) is a 405 before routing. */
export const KNOWN_METHODS = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]);

/**
 * Whether to send HSTS: the request's own URL is https (Next.js builds it from the TLS socket or
 * X-Forwarded-Proto), or a trusted proxy said so. proxy.ts and the fast path (lib/server/fast-path.ts)
 * both ask this, so an API answer carries the same headers whichever way it was served.
 */
export function requestIsHttps(url: URL, forwardedProto: string | null | undefined): boolean {
  return url.protocol === "https:" || (trustedProxyCount() > 0 && forwardedProto === "https");
}
