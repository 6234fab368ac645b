import http from "node:http";
import https from "node:https";
import { RequestFilteringHttpAgent, RequestFilteringHttpsAgent } from "request-filtering-agent";

export type PostResult = { ok: boolean; statusCode: number | null; latencyMs: number; excerpt: string; error: string | null };

const EXCERPT_CHARS = 1000;
const agents = new Map<boolean, { http: http.Agent; https: https.Agent }>();

/**
 * The connection agents are the SSRF guard's second half: they check the address a host
 * name actually resolved to, at connect time, so DNS tricks cannot reach a private address.
 */
function agentsFor(allowPrivate: boolean) {
  let pair = agents.get(allowPrivate);
  if (!pair) {
    const opts = { allowPrivateIPAddress: allowPrivate, keepAlive: false };
    pair = { http: new RequestFilteringHttpAgent(opts), https: new RequestFilteringHttpsAgent(opts) };
    agents.set(allowPrivate, pair);
  }
  return pair;
}

/**
 * POSTs one signed payload. Redirects are not followed (the registered URL is the only
 * destination); any 2xx is success. Never throws: every outcome becomes an attempt record.
 * `timeoutMs` is a wall-clock deadline for the whole exchange, from connecting to the last
 * byte of the answer: a receiver that trickles a byte a second never holds a sender longer
 * (the socket's idle timeout alone would let it hold forever).
 */
export function postWebhook(
  url: string,
  body: string,
  headers: Record<string, string>,
  opts: { timeoutMs: number; allowPrivate: boolean },
): Promise<PostResult> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  return new Promise((resolve) => {
    let settled = false;
    const tooLate = new Error(`no complete answer within ${opts.timeoutMs} ms`);
    // Fires after everything below exists (a timer never runs synchronously).
    const deadline = setTimeout(() => {
      finish({ ok: false, statusCode: null, excerpt: "", error: tooLate.message });
      req.destroy(tooLate);
    }, opts.timeoutMs);
    const finish = (r: Omit<PostResult, "latencyMs">) => {
      if (settled) return;
      settled = true;
      clearTimeout(deadline);
      resolve({ ...r, latencyMs: elapsed() });
    };
    const target = new URL(url);
    const lib = target.protocol === "https:" ? https : http;
    const pair = agentsFor(opts.allowPrivate);
    const req = lib.request(
      target,
      {
        method: "POST",
        agent: target.protocol === "https:" ? pair.https : pair.http,
        headers: { ...headers, "content-type": "application/json", "content-length": Buffer.byteLength(body), "user-agent": "AegisOS-Webhooks/1" },
        timeout: opts.timeoutMs,
      },
      (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => {
          if (text.length < EXCERPT_CHARS) text += chunk;
          else res.destroy(); // enough for the log; do not read an endless body
        });
        const done = () => {
          const code = res.statusCode ?? 0;
          finish({
            ok: code >= 200 && code < 300,
            statusCode: code,
            excerpt: text.slice(0, EXCERPT_CHARS),
            error: code >= 200 && code < 300 ? null : `HTTP ${code}`,
          });
        };
        res.on("end", done);
        res.on("close", done);
        res.on("error", done);
      },
    );
    req.on("timeout", () => req.destroy(new Error(`timed out after ${opts.timeoutMs} ms`)));
    req.on("error", (e) => finish({ ok: false, statusCode: null, excerpt: "", error: e.message }));
    req.end(body);
  });
}
