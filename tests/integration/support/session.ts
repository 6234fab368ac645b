import http from "node:http";
import { inject } from "vitest";

export type RawResponse = { status: number; headers: http.IncomingHttpHeaders; body: string };
/** `agent: false` opens a fresh connection (no kept-alive socket the server may have just closed). */
export type RawOptions = { headers?: Record<string, string>; body?: string; localAddress?: string; baseUrl?: string; agent?: http.Agent | false };

/**
 * One HTTP request through node:http, so a test can choose its source address on the
 * loopback network (127.0.0.2, 127.0.0.3, ...): the server sees a different client.
 */
export function raw(method: string, path: string, opts: RawOptions = {}): Promise<RawResponse> {
  const url = new URL(path, opts.baseUrl ?? inject("baseUrl"));
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        method,
        hostname: url.hostname,
        port: url.port,
        path: `${url.pathname}${url.search}`,
        headers: opts.headers,
        localAddress: opts.localAddress,
        agent: opts.agent,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString("utf8") }));
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    if (opts.body !== undefined) req.write(opts.body);
    req.end();
  });
}

const cookiesOf = (res: RawResponse) => (res.headers["set-cookie"] ?? []).map((c) => c.split(";")[0]);

export type SignInResult = { ok: boolean; cookie: string | null; error: string | null };

/** Signs in through next-auth's credentials callback, as the sign-in form does. */
export async function signIn(
  email: string,
  password: string,
  opts: { localAddress?: string; headers?: Record<string, string>; baseUrl?: string } = {},
): Promise<SignInResult> {
  const csrf = await raw("GET", "/api/auth/csrf", { localAddress: opts.localAddress, baseUrl: opts.baseUrl });
  const { csrfToken } = JSON.parse(csrf.body) as { csrfToken: string };
  const body = new URLSearchParams({ csrfToken, email, password, json: "true", callbackUrl: "/" }).toString();
  const res = await raw("POST", "/api/auth/callback/credentials", {
    localAddress: opts.localAddress,
    baseUrl: opts.baseUrl,
    body,
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookiesOf(csrf).join("; "), ...opts.headers },
  });
  const session = cookiesOf(res).find((c) => c.startsWith("next-auth.session-token=") && c.length > "next-auth.session-token=".length);
  let url = "";
  try {
    url = (JSON.parse(res.body) as { url?: string }).url ?? "";
  } catch {
    /* not next-auth's JSON answer */
  }
  const error = new URL(url || "/", "http://x").searchParams.get("error");
  return { ok: Boolean(session), cookie: session ?? null, error: session ? null : (error ?? `HTTP ${res.status}`) };
}

/** Signs out with the session cookie, as the dashboard's button does. */
export async function signOut(cookie: string, baseUrl?: string): Promise<void> {
  const csrf = await raw("GET", "/api/auth/csrf", { headers: { Cookie: cookie }, baseUrl });
  const { csrfToken } = JSON.parse(csrf.body) as { csrfToken: string };
  await raw("POST", "/api/auth/signout", {
    baseUrl,
    body: new URLSearchParams({ csrfToken, json: "true", callbackUrl: "/sign-in" }).toString(),
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: [cookie, ...cookiesOf(csrf)].join("; ") },
  });
}
