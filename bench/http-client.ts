// The load generator's HTTP client. The bench's own CPU is taken from the same two cores as the
// server's, so a cheaper client leaves more of them to what is measured. node:http over a
// keep-alive Agent costs far less per request than fetch (undici's WHATWG streams, and fetch asks
// for gzip, which makes the server compress every answer and the client inflate it); it sends what
// the Python SDK sends: no Accept-Encoding. AEGIS_BENCH_CLIENT=fetch brings back fetch (the figures
// before 2026-12-07 were taken with it). The floor (GET /api/health) and the submits use the same one.
import http from "node:http";

export type ClientAnswer = { status: number; text: string };

const useFetch = process.env.AEGIS_BENCH_CLIENT === "fetch";
export const CLIENT_NAME = useFetch ? "fetch" : "node:http, keep-alive";
const agent = new http.Agent({ keepAlive: true, maxSockets: 1024 });

/** One request; the body as text. Rejects on a network error or after `timeoutMs`. */
export function request(url: string, method: string, headers: Record<string, string> = {}, body?: string, timeoutMs = 60_000): Promise<ClientAnswer> {
  if (useFetch) return viaFetch(url, method, headers, body, timeoutMs);
  return new Promise((resolve, reject) => {
    const req = http.request(url, {
      method,
      headers: body === undefined ? headers : { ...headers, "content-length": Buffer.byteLength(body) },
      agent,
      timeout: timeoutMs,
    });
    req.on("response", (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString("utf8") }));
      res.on("error", reject);
    });
    req.on("timeout", () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    req.on("error", reject);
    req.end(body);
  });
}

async function viaFetch(url: string, method: string, headers: Record<string, string>, body: string | undefined, timeoutMs: number): Promise<ClientAnswer> {
  const res = await fetch(url, { method, headers, body, signal: AbortSignal.timeout(timeoutMs) });
  return { status: res.status, text: await res.text() };
}
