import http from "node:http";
import type { AddressInfo } from "node:net";

/** What the proxy does with one request: pass it on, answer instead, or fail on purpose. */
export type Fault =
  | "pass"
  | { status: number; retryAfter?: string }
  /** Forward to the server, let it act, then cut the connection before the answer. */
  | "drop-after-forward"
  /** Never answer. */
  | "hang";

/**
 * A loopback proxy in front of the real app that applies a list of faults, one per request
 * (then passes everything), and records what each request carried.
 */
export async function startFaultProxy(target: string, faults: Fault[]) {
  const seen: { method: string; url: string; idempotencyKey: string | undefined }[] = [];
  const hanging = new Set<http.ServerResponse>();
  const server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    seen.push({ method: req.method!, url: req.url!, idempotencyKey: req.headers["idempotency-key"] as string | undefined });
    const fault = faults.shift() ?? "pass";
    if (fault === "hang") {
      hanging.add(res);
      return;
    }
    if (typeof fault === "object") {
      res.writeHead(fault.status, { "Content-Type": "application/json", ...(fault.retryAfter ? { "Retry-After": fault.retryAfter } : {}) });
      res.end(
        JSON.stringify({
          error: {
            code: fault.status === 429 ? "rate_limited" : "unavailable",
            message: "injected",
            status: fault.status,
            request_id: "req_proxy",
            details: [],
          },
        }),
      );
      return;
    }
    const headers = { ...req.headers } as Record<string, string>;
    delete headers.host;
    const upstream = await fetch(`${target}${req.url}`, { method: req.method, headers, body: chunks.length ? Buffer.concat(chunks) : undefined });
    const body = Buffer.from(await upstream.arrayBuffer());
    if (fault === "drop-after-forward") {
      req.socket.destroy();
      return;
    }
    res.writeHead(
      upstream.status,
      Object.fromEntries([...upstream.headers].filter(([k]) => !["content-encoding", "transfer-encoding", "content-length", "connection"].includes(k))),
    );
    res.end(body);
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const stop = () =>
    new Promise<void>((r) => {
      for (const res of hanging) res.destroy();
      server.closeAllConnections();
      server.close(() => r());
    });
  return { url, seen, stop };
}
