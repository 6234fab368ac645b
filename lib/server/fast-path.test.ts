import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { enableFastPath, serveWithoutRouter } from "./fast-path";

/**
 * Which requests the fast path takes, in a plain node:http server whose request listener asks the
 * hook first, as the request guard does, and answers 299 "router" for whatever it leaves to
 * Next.js. (tests/integration/fast-path.test.ts compares whole answers with Next.js' own.)
 */
let base = "";
let server: http.Server;
const hook = () => (globalThis as { __aegisFastPath?: (req: http.IncomingMessage, res: http.ServerResponse) => boolean }).__aegisFastPath;

beforeAll(async () => {
  serveWithoutRouter("POST", "/api/test/things", async (req) => Response.json({ got: await req.json() }, { status: 201, headers: { "X-Extra": "1" } }));
  serveWithoutRouter<{ id: string }>("GET", "/api/test/things/:id", async (req, { params }) =>
    Response.json({ id: (await params).id, wait: req.nextUrl.searchParams.get("wait") }),
  );
  serveWithoutRouter("GET", "/api/test/boom", async () => {
    throw new Error("boom");
  });
  server = http.createServer((req, res) => {
    if (hook()?.(req, res)) return;
    res.writeHead(299);
    res.end("router");
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

const get = (path: string, headers: Record<string, string> = {}, method = "GET") => fetch(`${base}${path}`, { method, headers });

describe("the fast path's choice of requests", () => {
  it("takes nothing before start-up has turned it on", async () => {
    expect((await get("/api/test/things/abc")).status).toBe(299);
    enableFastPath();
    expect((await get("/api/test/things/abc")).status).toBe(200);
  });

  it("serves a registered route with its params, query, body and the API's headers", async () => {
    const one = await get("/api/test/things/int_a-B9?wait=5");
    expect(await one.json()).toEqual({ id: "int_a-B9", wait: "5" });
    expect(one.headers.get("x-aegis-fast-path")).toBe("1");
    expect(one.headers.get("content-security-policy")).toBe("default-src 'none'; frame-ancestors 'none'");
    expect(one.headers.get("x-frame-options")).toBe("DENY");
    expect(one.headers.get("vary")).toMatch(/^rsc, next-router-state-tree, .*Accept-Encoding$/);
    const posted = await fetch(`${base}/api/test/things`, { method: "POST", headers: { "Content-Type": "application/json" }, body: '{"a":1}' });
    expect(posted.status).toBe(201);
    expect(posted.headers.get("x-extra")).toBe("1");
    expect(await posted.json()).toEqual({ got: { a: 1 } });
  });

  it("leaves to Next.js whatever it would not route plainly", async () => {
    const leftToRouter = [
      get("/api/test/things/"),
      get("/api/test/things/a%20b"),
      get("/api/test/things/a.b"),
      get("/api/test/things/abc/more"),
      get("/api/test/things/abc", {}, "HEAD"),
      get("/api/test/things/abc", {}, "DELETE"),
      get("/api/test/things", {}, "GET"),
      get("/api/test/things/abc", { rsc: "1" }),
      get("/api/test/things/abc", { "Next-Router-State-Tree": "x" }),
      get("/api/test/things/abc", { "X-Middleware-Subrequest": "middleware" }),
      get("/api/test/things/abc?_rsc=1"),
      get("/api/test/things/abc?x=1&__nextDataReq=1"),
      get(`/api/test/things/${"a".repeat(201)}`),
    ];
    expect((await Promise.all(leftToRouter)).map((r) => r.status)).toEqual(leftToRouter.map(() => 299));
  });

  it("answers a handler that throws with a logged 500 and no body, as Next.js does", async () => {
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    const res = await get("/api/test/boom");
    expect(res.status).toBe(500);
    expect(await res.text()).toBe("");
    expect(res.headers.get("content-security-policy")).toBe("default-src 'none'; frame-ancestors 'none'");
    expect(String(logged.mock.calls[0]?.[0])).toContain("GET /api/test/boom failed");
    logged.mockRestore();
  });
});
