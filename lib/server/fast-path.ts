import type { IncomingMessage, ServerResponse } from "node:http";
import type { NextRequest } from "next/server";
import { serveExchange } from "./fast-path-exchange";

/**
 * The hot API endpoints without Next.js' router (issue 18).
 *
 * Next.js spends 2.5-3 ms of CPU on every request before a route handler runs (router, proxy.ts,
 * request meta, NextRequest/Response adapters, its response pipe), about as much again as the
 * decision itself. The request guard (scripts/request-guard.mjs) already sees every request first,
 * in every start mode; once instrumentation.ts has finished start-up it hands a request to a
 * route registered here, which calls the very function the route module exports (registered by
 * that module when Next.js loads it: one module instance, one code path, no copy) and answers with
 * exactly the headers Next.js would add (see fast-path-exchange.ts).
 *
 * Only what Next.js would route plainly is taken: the registered method, an exact path whose
 * dynamic segments are plain ids, no Next.js-internal headers or query parameters. Everything
 * else (HEAD, OPTIONS, trailing slashes, encoded paths, other methods' 405s) goes on to Next.js.
 * Off in `next dev` (an edited module must reach requests through Next.js' recompilation) and
 * with AEGIS_FAST_PATH=0.
 */
export type RouteHandler<P> = (req: NextRequest, ctx: { params: Promise<P> }) => Promise<Response> | Response;

type FastRoute = { segments: string[]; handler: RouteHandler<Record<string, string>> };
type FastPathState = { on: boolean; routes: Map<string, Map<string, FastRoute>> };
type GuardHook = (req: IncomingMessage, res: ServerResponse) => boolean;

/** On globalThis: the route modules, instrumentation.ts and the request guard are separate bundles in one process. */
const g = globalThis as { __aegisFastPathState?: FastPathState; __aegisFastPath?: GuardHook };
const state: FastPathState = (g.__aegisFastPathState ??= { on: false, routes: new Map() });

/** A dynamic segment the fast path takes: an id as the app makes them. Anything else is left to Next.js' decoding. */
const PLAIN_SEGMENT = /^[A-Za-z0-9_-]{1,200}$/;
/** Request headers that change what Next.js does with a request (RSC, server actions, middleware, data routes). */
const NEXT_INTERNAL_HEADER = /^(rsc$|next-|x-middleware-|x-nextjs-|x-invoke-|x-now-)/;

/**
 * Called by a route module next to its export: `serveWithoutRouter("POST", "/api/v1/intents", POST)`.
 * `pattern` is the route's path with `:name` for each dynamic segment, as the folder names it.
 */
export function serveWithoutRouter<P>(method: "GET" | "POST", pattern: string, handler: RouteHandler<P>): void {
  const byPattern = state.routes.get(method) ?? new Map<string, FastRoute>();
  state.routes.set(method, byPattern);
  byPattern.set(pattern, { segments: pattern.split("/"), handler: handler as RouteHandler<Record<string, string>> });
  g.__aegisFastPath = takeRequest;
}

/** instrumentation.ts, once start-up is done: from now on the guard hands registered routes here. */
export function enableFastPath(): void {
  state.on = true;
  g.__aegisFastPath = takeRequest;
}

/** The guard's hook: true when the request is (being) answered here, false to pass it on to Next.js. */
function takeRequest(req: IncomingMessage, res: ServerResponse): boolean {
  if (!state.on) return false;
  const routes = state.routes.get(req.method ?? "");
  const url = req.url;
  if (!routes || !url || url.charCodeAt(0) !== 47 /* "/" */) return false;
  const q = url.indexOf("?");
  const path = q < 0 ? url : url.slice(0, q);
  if (q >= 0 && /(^|[?&])(_rsc|__next)/.test(url.slice(q))) return false;
  const match = matchRoute(routes, path);
  if (!match) return false;
  for (const name in req.headers) if (NEXT_INTERNAL_HEADER.test(name)) return false;
  void serveExchange(req, res, match.route.handler, match.params);
  return true;
}

function matchRoute(routes: Map<string, FastRoute>, path: string): { route: FastRoute; params: Record<string, string> } | null {
  const parts = path.split("/");
  next: for (const route of routes.values()) {
    if (route.segments.length !== parts.length) continue;
    const params: Record<string, string> = {};
    for (let i = 0; i < parts.length; i++) {
      const want = route.segments[i];
      if (want.charCodeAt(0) === 58 /* ":" */) {
        if (!PLAIN_SEGMENT.test(parts[i])) continue next;
        params[want.slice(1)] = parts[i];
      } else if (want !== parts[i]) continue next;
    }
    return { route, params };
  }
  return null;
}
