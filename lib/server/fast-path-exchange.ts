import type { IncomingMessage, ServerResponse } from "node:http";
import { Duplex } from "node:stream";
import type { TLSSocket } from "node:tls";
import compression from "next/dist/compiled/compression";
import { NextRequest } from "next/server";
import { API_CSP, requestIsHttps, securityHeaders } from "@/lib/api/security-headers";
import type { RouteHandler } from "./fast-path";

/**
 * One request of the fast path (lib/server/fast-path.ts), from Node's request to Node's response,
 * doing what Next.js does around a route handler and nothing more; each step names its source in
 * Next.js 16 (node_modules/next/dist/server/...), so a reader can check them side by side:
 * - compression (lib/router-server.js): its own `compression` middleware, as next.config's
 *   `compress` (on by default) has it, and the same release of the zlib stream on a disconnect;
 * - the x-forwarded-* request headers it fills in before routing (base-server.js);
 * - the NextRequest (web/spec-extension/adapters/next-request.js): the URL from the socket's
 *   protocol or X-Forwarded-Proto, the Node stream as body, a signal that aborts when the client
 *   goes away (a long-poll stops waiting);
 * - proxy.ts' answer for an API path: the security headers and the API's CSP (shared code);
 * - the Vary header of an app route (base-server.js setVaryHeader);
 * - the response copied header by header as send-response.js does, 500 with no body when the
 *   handler throws (build/templates/app-route.js), the error logged.
 * One header is ours: X-Aegis-Fast-Path: 1, so a test (and an operator) can tell which way it went.
 */
export const FAST_PATH_HEADER = "x-aegis-fast-path";

const compress = compression();
const APP_ROUTE_VARY = "rsc, next-router-state-tree, next-router-prefetch, next-router-segment-prefetch";
/** send-response.js: framing headers are Node's to write; these may repeat. */
const NOT_COPIED = new Set(["content-length", "content-encoding", "transfer-encoding", "x-middleware-set-cookie"]);
const REPEATABLE = new Set(["set-cookie", "www-authenticate", "proxy-authenticate", "vary"]);

export async function serveExchange(
  req: IncomingMessage,
  res: ServerResponse,
  handler: RouteHandler<Record<string, string>>,
  params: Record<string, string>,
): Promise<void> {
  compress(req, res, () => {});
  res.once("close", () => {
    if (!res.writableFinished) releaseCompressionStream(res);
  });
  req.on("error", () => {});
  const url = requestUrl(req);
  fillForwardedHeaders(req);
  const https = requestIsHttps(url, req.headers["x-forwarded-proto"] as string);
  let response: Response;
  try {
    const result: unknown = await handler(toNextRequest(req, res, url), { params: Promise.resolve(params) });
    if (!(result instanceof Response)) throw new Error(`No response is returned from route handler '${url.pathname}'`);
    response = result;
  } catch (e) {
    console.error(`[api] ${req.method} ${url.pathname} failed:`, e);
    response = new Response(null, { status: 500 });
  }
  try {
    await send(res, response, https);
  } catch (e) {
    console.error(`[api] ${req.method} ${url.pathname}: sending the answer failed:`, e);
    if (!res.headersSent) {
      res.statusCode = 500;
      res.end();
    } else res.destroy();
  }
}

/** The URL Next.js gives the handler: the protocol from TLS or X-Forwarded-Proto, this server's address and port. */
function requestUrl(req: IncomingMessage): URL {
  const socket = req.socket as TLSSocket;
  const https = socket.encrypted || String(req.headers["x-forwarded-proto"] ?? "").includes("https");
  const host = socket.localAddress?.includes(":") ? `[${socket.localAddress}]` : (socket.localAddress ?? "localhost");
  return new URL(req.url ?? "/", `${https ? "https" : "http"}://${host}:${socket.localPort}`);
}

/** What Next.js fills in before routing when the client did not send them (base-server.js). */
function fillForwardedHeaders(req: IncomingMessage): void {
  const h = req.headers;
  const forwardedProto = h["x-forwarded-proto"];
  const isHttps = forwardedProto ? forwardedProto === "https" : Boolean((req.socket as TLSSocket).encrypted);
  h["x-forwarded-host"] ??= h.host;
  h["x-forwarded-port"] ??= String(req.socket.localPort ?? (isHttps ? 443 : 80));
  h["x-forwarded-proto"] ??= isHttps ? "https" : "http";
  h["x-forwarded-for"] ??= req.socket.remoteAddress;
}

function toNextRequest(req: IncomingMessage, res: ServerResponse, url: URL): NextRequest {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    for (const v of Array.isArray(value) ? value : [value]) if (v !== undefined) headers.append(name, String(v));
  }
  const signal = abortWhenClientLeaves(res);
  // Node's stream as the body, as Next.js passes it (undici reads an async iterable; `duplex` says so).
  const body = req.method !== "GET" && req.method !== "HEAD" && !signal.aborted ? { body: req as unknown as ReadableStream } : {};
  const init: RequestInit & { duplex: "half" } = { method: req.method, headers, signal, duplex: "half", ...body };
  return new NextRequest(url, init as ConstructorParameters<typeof NextRequest>[1]);
}

/** Aborted when the connection closes before the answer is written (Next.js' createAbortController). */
function abortWhenClientLeaves(res: ServerResponse): AbortSignal {
  const aborted = () => Object.assign(new Error("The client went away"), { name: "ResponseAborted" });
  if (res.errored || res.destroyed) return AbortSignal.abort(res.errored ?? aborted());
  const controller = new AbortController();
  res.once("close", () => {
    if (!res.writableFinished) controller.abort(aborted());
  });
  return controller.signal;
}

const apiHeaders = new Map<boolean, [string, string][]>();
/** proxy.ts' headers for an API path, in the order Next.js copies them (a Headers object's: lower case, sorted). */
function apiSecurityHeaders(https: boolean): [string, string][] {
  let list = apiHeaders.get(https);
  if (!list) {
    const h = new Headers(securityHeaders(https));
    h.set("Content-Security-Policy", API_CSP);
    list = [...h.entries()];
    apiHeaders.set(https, list);
  }
  return list;
}

async function send(res: ServerResponse, response: Response, https: boolean): Promise<void> {
  for (const [name, value] of apiSecurityHeaders(https)) res.setHeader(name, value);
  res.setHeader(FAST_PATH_HEADER, "1");
  res.appendHeader("vary", APP_ROUTE_VARY);
  res.statusCode = response.status;
  res.statusMessage = response.statusText;
  response.headers.forEach((value, name) => {
    if (NOT_COPIED.has(name)) return;
    if (REPEATABLE.has(name) || res.getHeader(name) === undefined) res.appendHeader(name, value);
  });
  if (!response.body) {
    res.end();
    return;
  }
  // Next.js pipes the body chunk by chunk (so the answer goes out chunked and compressed when the
  // client accepts it); these routes answer with a whole JSON or text body, written the same way.
  const body = Buffer.from(await response.arrayBuffer());
  if (res.destroyed) return;
  if (body.length) res.write(body);
  res.end();
}

/** A disconnect leaves the compression middleware's zlib stream open past GC (Next.js' releaseCompressionStream). */
function releaseCompressionStream(res: ServerResponse): void {
  const noop = () => {};
  const maybeStream = res.on("drain", noop) as unknown;
  if (maybeStream === res || !(maybeStream instanceof Duplex)) {
    res.off("drain", noop);
    return;
  }
  maybeStream.destroy();
}
