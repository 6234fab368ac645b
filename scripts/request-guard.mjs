// The request guard, in front of Next.js in every start mode: preloaded by scripts/start.mjs
// (node --import) and installed again, idempotently, by instrumentation.ts for `next start`
// and `next dev`, which load no preload.
// 1. Stamps every request with the TCP peer's address (X-Aegis-Peer-Address) and this
//    process's secret stamp (X-Aegis-Peer-Stamp), overwriting whatever a client sent in those
//    headers. Next.js gives route handlers no socket, and X-Forwarded-For is whatever the
//    client wrote; sign-in limits and the admin channel's loopback check need an address the
//    client cannot choose. lib/api/client-address.ts believes the address only next to the
//    stamp, so a request that reached Next.js without passing here (none should) has no
//    address rather than one its sender chose.
// 2. Answers TRACE, TRACK and CONNECT with a 405 in the API's error shape: the Fetch API
//    cannot even construct such a request, so inside Next.js they end as a bare 500.
// 3. Answers a path that is not percent-encoded UTF-8 with a 400 (Next.js would 500).
// 4. Answers requests Node's HTTP parser rejects (unknown methods, broken headers) with a
//    400 in the API's error shape instead of Node's bare "400 Bad Request".
// 5. Records the addresses the server listens on (lib/server/demo-password-guard.ts refuses
//    to serve the network while the demo's published password still works).
// 6. Hands the hot API endpoints (submit, get/long-poll an intent, card rails) to the fast
//    path that lib/server/fast-path.ts registers from inside the Next.js bundle, skipping
//    Next.js' router; everything else goes on to Next.js unchanged.
import crypto from "node:crypto";
import http from "node:http";
import net from "node:net";

export const PEER_HEADER = "x-aegis-peer-address";
export const STAMP_HEADER = "x-aegis-peer-stamp";

const FORBIDDEN = new Set(["TRACE", "TRACK", "CONNECT"]);
/** Next.js decodes path segments itself and answers a bare 500 when one is not UTF-8 (%FF, %ED%A0%80). */
function decodablePath(url) {
  try {
    decodeURIComponent((url ?? "").split("?")[0]);
    return true;
  } catch {
    return false;
  }
}
const requestId = () => `req_${crypto.randomBytes(10).toString("hex")}`;
const errorBody = (id, status, code, message) => JSON.stringify({ error: { code, message, status, request_id: id, details: [] } });

/** `host:port` of a listening server, or null before it listens. */
function describe(server) {
  const a = server.address?.();
  return a && typeof a === "object" ? { address: a.address, port: a.port } : null;
}

export function installRequestGuard() {
  const g = globalThis;
  if (g.__aegisRequestGuard) return;
  g.__aegisRequestGuard = true;
  g.__aegisPeerStamp ??= crypto.randomBytes(18).toString("base64url");
  g.__aegisListening ??= [];
  g.__aegisOnListening ??= [];
  const heard = (server) => {
    const where = describe(server);
    if (!where || g.__aegisListening.some((l) => l.address === where.address && l.port === where.port)) return;
    g.__aegisListening.push(where);
    for (const cb of g.__aegisOnListening) cb(where);
  };
  // Servers that already listen (Next.js may open its port before loading instrumentation).
  for (const h of process._getActiveHandles?.() ?? []) if (h instanceof net.Server && h.listening) heard(h);

  const emit = http.Server.prototype.emit;
  http.Server.prototype.emit = function guardRequest(event, req, res, ...rest) {
    if (event === "listening") heard(this);
    if (event === "clientError" && this.listenerCount("clientError") === 0) {
      const [err, socket] = [req, res];
      if (socket?.writable && err?.code !== "ECONNRESET") {
        const id = requestId();
        const body = errorBody(id, 400, "validation_error", "The request is not valid HTTP");
        socket.end(
          `HTTP/1.1 400 Bad Request\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nX-Request-Id: ${id}\r\nConnection: close\r\n\r\n${body}`,
        );
      } else socket?.destroy();
      return true;
    }
    if (event === "request" && req?.headers) {
      req.headers[PEER_HEADER] = req.socket?.remoteAddress ?? "";
      req.headers[STAMP_HEADER] = g.__aegisPeerStamp;
      if (!decodablePath(req.url)) {
        const id = requestId();
        res.writeHead(400, { "Content-Type": "application/json", "X-Request-Id": id, "X-Content-Type-Options": "nosniff" });
        res.end(errorBody(id, 400, "validation_error", "The URL is not valid percent-encoded UTF-8"));
        return true;
      }
      if (FORBIDDEN.has(req.method)) {
        const id = requestId();
        res.writeHead(405, {
          "Content-Type": "application/json",
          Allow: "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS",
          "X-Request-Id": id,
          "X-Content-Type-Options": "nosniff",
        });
        res.end(errorBody(id, 405, "method_not_allowed", `${req.method} is not supported`));
        return true;
      }
      // 6. The hot API routes, once start-up is done, go straight to their handlers
      //    (lib/server/fast-path.ts; it answers false for anything Next.js must route).
      if (g.__aegisFastPath?.(req, res)) return true;
    }
    return emit.call(this, event, req, res, ...rest);
  };
}

installRequestGuard();
