import http from "node:http";
import type { AddressInfo } from "node:net";
import { Webhook } from "standardwebhooks";

export type Received = { id: string; type: string; data: any; verified: boolean; headers: http.IncomingHttpHeaders; body: string };

/**
 * A real webhook receiver on loopback. It verifies each delivery with the Standard Webhooks
 * library (against whichever secrets it holds) and records it; `status` sets its answer.
 * `stop()` closes the socket, `start()` listens again on the same port.
 */
export async function startReceiver(port = 0) {
  const received: Received[] = [];
  const state = { secrets: [] as string[], status: 200 };
  const server = http.createServer((req, res) => {
    let body = "";
    req.setEncoding("utf8");
    req.on("data", (c: string) => (body += c));
    req.on("end", () => {
      const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, String(v)]));
      const verified = state.secrets.some((s) => {
        try {
          new Webhook(s).verify(body, headers);
          return true;
        } catch {
          return false;
        }
      });
      const parsed = JSON.parse(body);
      received.push({ id: String(req.headers["webhook-id"]), type: parsed.type, data: parsed.data, verified, headers: req.headers, body });
      res.writeHead(state.status, { "content-type": "text/plain" }).end(state.status < 300 ? "thanks" : "receiver says no");
    });
  });
  const listen = (p: number) => new Promise<number>((resolve) => server.listen(p, "127.0.0.1", () => resolve((server.address() as AddressInfo).port)));
  const boundPort = await listen(port);
  return {
    url: `http://127.0.0.1:${boundPort}/hooks`,
    received,
    state,
    stop: () => new Promise<void>((r) => (server.closeAllConnections(), server.close(() => r()))),
    start: () => listen(boundPort),
  };
}

/** Polls until `find` returns something (bounded); the app's worker delivers within about a second. */
export async function waitFor<T>(find: () => T | undefined | Promise<T | undefined>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await find();
    if (v !== undefined) return v;
    if (Date.now() > deadline) throw new Error("timed out waiting");
    await new Promise((r) => setTimeout(r, 100));
  }
}
