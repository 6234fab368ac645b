/**
 * A command's output too large to build as one value (an audit export of millions of events):
 * the CLI writes its lines to --out (or stdout) as they come, and the server's admin channel
 * streams them to the CLI instead of answering JSON.
 */
export class StreamedResult {
  constructor(
    readonly lines: AsyncIterable<string>,
    readonly contentType = "application/x-ndjson",
  ) {}
}

/** The header the admin channel marks a streamed answer with. */
export const STREAM_HEADER = "X-Aegis-Stream";

/** Lines of a streamed HTTP body, as they arrive. */
export async function* bodyLines(body: ReadableStream<Uint8Array>): AsyncGenerator<string> {
  const decoder = new TextDecoder();
  let rest = "";
  for await (const chunk of body as unknown as AsyncIterable<Uint8Array>) {
    rest += decoder.decode(chunk, { stream: true });
    const cut = rest.lastIndexOf("\n");
    if (cut >= 0) {
      yield rest.slice(0, cut + 1);
      rest = rest.slice(cut + 1);
    }
  }
  rest += decoder.decode();
  if (rest) yield rest;
}

/** A ReadableStream of the lines, for a Response. */
export function linesStream(lines: AsyncIterable<string>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const it = lines[Symbol.asyncIterator]();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await it.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
    async cancel() {
      await it.return?.(undefined);
    },
  });
}
