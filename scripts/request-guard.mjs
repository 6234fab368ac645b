// Preloaded into the server process by scripts/start.mjs (node --import), in front of Next.js:
// 1. Stamps every request with the TCP peer's address (X-Aegis-Peer-Address), overwriting
//    whatever a client sent in that header. Next.js gives route handlers no socket, and
//    X-Forwarded-For is whatever the client wrote; sign-in limits and the admin channel's
//    loopback check need an address the client cannot choose.
// 2. Answers TRACE, TRACK and CONNECT with a 405 in the API's error shape: the Fetch API
//    cannot even construct such a request, so inside Next.js they end as a bare 500.
// 3. Answers a path that is not percent-encoded UTF-8 with a 400 (Next.js would 500).
// 4. Answers requests Node's HTTP parser rejects (unknown methods, broken headers) with a
//    400 in the API's error shape instead of Node's bare "400 Bad Request".
import crypto from "node:crypto";
import http from "node:http";

const FORBIDDEN = new Set(["TRACE", "TRACK", "CONNECT"]);
const emit = http.Server.prototype.emit;
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

http.Server.prototype.emit = function guardRequest(event, req, res, ...rest) {
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
    req.headers["x-aegis-peer-address"] = req.socket?.remoteAddress ?? "";
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
  }
  return emit.call(this, event, req, res, ...rest);
};
