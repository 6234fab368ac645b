import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { api, expectError } from "./support/http";
import { createOrg, intentBody, type TestOrg } from "./support/factories";
import { raw, signIn } from "./support/session";

let org: TestOrg;
beforeAll(async () => {
  org = await createOrg();
});

// Issue 9, finding 3: the data folder is private to the server's user.
describe("data folder", () => {
  it("is 0700 and everything in it 0600/0700, the PGlite files and the admin token included", () => {
    const walk = (p: string): [string, number, boolean][] => {
      const st = fs.statSync(p);
      const here: [string, number, boolean][] = [[p, st.mode & 0o777, st.isDirectory()]];
      return st.isDirectory() ? here.concat(...fs.readdirSync(p).map((e) => walk(path.join(p, e)))) : here;
    };
    const dir = inject("dataDir");
    const entries = walk(dir).filter(([p]) => !p.endsWith("server.log")); // the test harness's own log
    if (inject("databaseKind") === "pglite") expect(entries.some(([p]) => p.includes(`${path.sep}pglite${path.sep}`))).toBe(true);
    expect(entries.some(([p]) => p.endsWith("admin-token"))).toBe(true);
    const loose = entries.filter(([, mode, isDir]) => mode !== (isDir ? 0o700 : 0o600));
    expect(loose).toEqual([]);
  });
});

// Issue 9, finding 9: a fresh start listens on loopback only.
describe("listening address", () => {
  // 127.0.0.2 reaches this machine like 127.0.0.1 but is another address: a server bound to
  // 127.0.0.1 alone refuses it, one bound to every address accepts it. So the check runs on
  // every machine, with or without a network interface, plus that interface's address if any.
  const external = Object.values(os.networkInterfaces())
    .flat()
    .find((i) => i && i.family === "IPv4" && !i.internal)?.address;
  it("answers on 127.0.0.1 and refuses connections to any other address of the machine", async () => {
    const port = Number(new URL(inject("baseUrl")).port);
    const connects = (host: string) =>
      new Promise<boolean>((resolve) => {
        const s = net.connect({ host, port }, () => (s.destroy(), resolve(true)));
        s.on("error", () => resolve(false));
      });
    expect(await connects("127.0.0.1")).toBe(true);
    for (const other of ["127.0.0.2", ...(external ? [external] : [])]) expect({ other, accepted: await connects(other) }).toEqual({ other, accepted: false });
  });
});

// Issue 9, finding 4: long-polls are capped per key and end when the client goes away.
describe("long-poll cap", () => {
  it("a key gets at most AEGIS_LONGPOLL_PER_KEY (4 here) concurrent waits; a disconnect frees its slot at once", async () => {
    const intent = (await api(org.agent.key, "POST", "/api/v1/intents", intentBody({ amount: 2_000_000 }))).body;
    expect(intent.status).toBe("pending_approval");
    const url = `${inject("baseUrl")}/api/v1/intents/${intent.id}?wait=30`;
    const controllers = Array.from({ length: 4 }, () => new AbortController());
    const waits = controllers.map((c) => fetch(url, { headers: { Authorization: `Bearer ${org.agent.key}` }, signal: c.signal }).catch(() => null));
    let refused: Awaited<ReturnType<typeof api>> | null = null;
    for (let i = 0; i < 20 && !refused; i++) {
      const res = await api(org.agent.key, "GET", `/api/v1/intents/${intent.id}?wait=1`);
      if (res.status === 429) refused = res;
    }
    expect(refused).not.toBeNull();
    expectError(refused!, 429, "rate_limited");
    expect(refused!.headers.get("retry-after")).toBe("1");
    // Another key of the organisation is not affected.
    expect((await api(org.admin.key, "GET", `/api/v1/intents/${intent.id}?wait=1`)).status).toBe(200);

    const started = Date.now();
    controllers.forEach((c) => c.abort());
    await Promise.all(waits);
    let freed = false;
    while (!freed && Date.now() - started < 10_000) freed = (await api(org.agent.key, "GET", `/api/v1/intents/${intent.id}?wait=1`)).status === 200;
    expect(freed).toBe(true); // well before the 30 s the aborted waits asked for
  });
});

// Issue 9, finding 13: headers on every response, dashboard rate limit, audit filter.
describe("security headers", () => {
  it("pages carry a nonce CSP without inline-script holes; API answers and errors carry theirs", async () => {
    const page = await raw("GET", "/sign-in");
    const csp = String(page.headers["content-security-policy"]);
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce).toBeTruthy();
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp.split(";").find((d) => d.trim().startsWith("script-src"))).not.toMatch(/unsafe-inline/);
    // Every inline script Next renders carries this request's nonce.
    const scripts = [...page.body.matchAll(/<script(?![^>]*\bsrc=)([^>]*)>/g)].map((m) => m[1]);
    expect(scripts.length).toBeGreaterThan(0);
    expect(scripts.every((attrs) => attrs.includes(`nonce="${nonce}"`))).toBe(true);
    expect((await raw("GET", "/sign-in")).headers["content-security-policy"]).not.toContain(nonce!);

    for (const res of [page, await raw("GET", "/api/v1/intents"), await raw("GET", "/api/health"), await raw("GET", "/no-such-page")]) {
      expect(res.headers["x-content-type-options"]).toBe("nosniff");
      expect(res.headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
      expect(String(res.headers["content-security-policy"])).toContain("frame-ancestors 'none'");
      expect(res.headers["strict-transport-security"]).toBeUndefined(); // plain http here
    }
  });
});

describe("dashboard rate limit", () => {
  it("answers 429 with Retry-After once an address passes AEGIS_DASHBOARD_RATE_LIMIT_PER_MINUTE (200 here)", async () => {
    // The limit counts per calendar minute (lib/limits/limit-store.ts windowStart): start early in a
    // minute, and send in batches of 20, so the 200 land in one window even on a loaded machine.
    const leftInMinute = 60_000 - (Date.now() % 60_000);
    if (leftInMinute < 35_000) await new Promise((r) => setTimeout(r, leftInMinute + 100));
    const statuses: number[] = [];
    for (let i = 0; i < 10; i++) {
      const batch = await Promise.all(Array.from({ length: 20 }, () => raw("GET", "/sign-in", { localAddress: "127.0.0.5" })));
      statuses.push(...batch.map((r) => r.status));
    }
    expect(statuses.every((s) => s === 200)).toBe(true);
    const last = await raw("GET", "/audit/export", { localAddress: "127.0.0.5" });
    expect(last.status).toBe(429);
    expect(Number(last.headers["retry-after"])).toBeGreaterThan(0);
    expect((await raw("GET", "/sign-in", { localAddress: "127.0.0.6" })).status).toBe(200);
  }, 90_000);
});

describe("audit log filters", () => {
  it("% and _ in the actor filter match themselves, not every actor", async () => {
    const cookie = (await signIn(org.admin.email, "correct horse battery")).cookie!;
    const rows = async (q: string) => (await raw("GET", `/audit/export?${q}`, { headers: { Cookie: cookie } })).body.trim().split("\n").length - 1;
    expect(await rows("")).toBeGreaterThan(3);
    expect(await rows("actor=_")).toBe(0);
    expect(await rows("actor=%25")).toBe(0);
    expect(await rows("actor=SYST")).toBeGreaterThan(0); // the CLI ("system") created this organisation's users and agents
  });

  it("the page offers the organisation's actions", async () => {
    const cookie = (await signIn(org.admin.email, "correct horse battery")).cookie!;
    const page = await raw("GET", "/audit", { headers: { Cookie: cookie } });
    for (const action of ["agent.created", "api_key.created", "intent.submitted", "user.created"]) expect(page.body).toContain(`value="${action}"`);
  });
});
