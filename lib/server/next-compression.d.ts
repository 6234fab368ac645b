// Next.js' own copy of the `compression` middleware (what its router applies to every response
// while next.config's `compress` is on, the default); it ships without types.
declare module "next/dist/compiled/compression" {
  import type { IncomingMessage, ServerResponse } from "node:http";
  const compression: () => (req: IncomingMessage, res: ServerResponse, next: () => void) => void;
  export default compression;
}
