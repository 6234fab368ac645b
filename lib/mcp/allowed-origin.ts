import { env, publicUrl, type Env } from "@/lib/env";

const LOOPBACK = new Set(["localhost", "127.0.0.1", "[::1]"]);

/**
 * Whether a browser on `origin` may call /api/mcp (the MCP transport spec's MUST against DNS
 * rebinding: a page on evil.example whose name now resolves to 127.0.0.1 sends its own
 * Origin, which is refused with 403). No Origin (SDKs, desktop clients, curl) passes: bearer
 * keys guard those. Allowed: this server's public URL, loopback pages on any port (local
 * tools such as the MCP Inspector; a rebinding page can never claim a loopback origin), and
 * the origins listed in AEGIS_MCP_ALLOWED_ORIGINS.
 */
export function isAllowedOrigin(origin: string | null, e: Env = env()): boolean {
  if (origin === null) return true;
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false; // "null" (sandboxed frames, file://) and junk
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return false;
  if (LOOPBACK.has(url.hostname)) return true;
  return allowedOrigins(e).has(url.origin);
}

function allowedOrigins(e: Env): Set<string> {
  const listed = (e.AEGIS_MCP_ALLOWED_ORIGINS ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  const origins = new Set<string>();
  for (const value of [publicUrl(e), ...listed]) {
    try {
      origins.add(new URL(value).origin);
    } catch {
      /* lib/env.ts refuses a value that is not a URL */
    }
  }
  return origins;
}
