import http from "node:http";
import zlib from "node:zlib";

/** An answer as it came off the wire: status line, header names in order and as written, the body decoded. */
export type RawAnswer = { status: number; statusMessage: string; rawHeaders: [string, string][]; body: string; headers: http.IncomingHttpHeaders };

/**
 * One request over node:http, on a connection of its own: unlike fetch it shows the header names
 * as the server wrote them, in order, and the framing (chunked or not) and Content-Encoding.
 * `chunked` sends the body without a Content-Length.
 */
export function rawRequest(
  baseUrl: string,
  method: string,
  path: string,
  opts: { headers?: Record<string, string>; body?: string | Buffer; chunked?: boolean; signal?: AbortSignal } = {},
): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const req = http.request(`${baseUrl}${path}`, { method, headers: opts.headers ?? {}, agent: false, signal: opts.signal }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("error", reject);
      res.on("end", () => {
        const raw = Buffer.concat(chunks);
        const encoding = res.headers["content-encoding"];
        const decoded = encoding === "gzip" ? zlib.gunzipSync(raw) : encoding === "deflate" ? zlib.inflateSync(raw) : raw;
        const pairs: [string, string][] = [];
        for (let i = 0; i < res.rawHeaders.length; i += 2) pairs.push([res.rawHeaders[i], res.rawHeaders[i + 1]]);
        resolve({
          status: res.statusCode ?? 0,
          statusMessage: res.statusMessage ?? "",
          rawHeaders: pairs,
          body: decoded.toString("utf8"),
          headers: res.headers,
        });
      });
    });
    req.on("error", reject);
    if (opts.body !== undefined && !opts.chunked) req.setHeader("Content-Length", Buffer.byteLength(opts.body));
    if (opts.body !== undefined) req.write(opts.body);
    req.end();
  });
}
