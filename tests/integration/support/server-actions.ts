import fs from "node:fs";
import path from "node:path";
import { raw, type RawResponse } from "./session";

type Manifest = { node: Record<string, { filename: string; exportedName: string }> };
const root = path.resolve(import.meta.dirname, "../../..");

/** Server action ids by exported name, from the build the server under test runs. */
export function actionIds(): Record<string, string> {
  const manifest = JSON.parse(fs.readFileSync(path.join(root, ".next/server/server-reference-manifest.json"), "utf8")) as Manifest;
  return Object.fromEntries(Object.entries(manifest.node).map(([id, v]) => [v.exportedName, id]));
}

/**
 * Calls a dashboard server action the way the browser does (POST to the page with the
 * Next-Action header and the arguments as JSON), and returns the raw answer plus the
 * action's result when the answer is a React Server Components payload.
 */
export async function callAction(opts: {
  cookie: string | null;
  page: string;
  action: string;
  args: unknown;
  baseUrl: string;
  localAddress?: string;
  rawBody?: string;
}): Promise<RawResponse & { result: unknown }> {
  const id = actionIds()[opts.action] ?? opts.action;
  const res = await raw("POST", opts.page, {
    baseUrl: opts.baseUrl,
    localAddress: opts.localAddress,
    body: opts.rawBody ?? JSON.stringify(opts.args),
    headers: {
      "Next-Action": id,
      Accept: "text/x-component",
      "Content-Type": "text/plain;charset=UTF-8",
      Origin: opts.baseUrl,
      ...(opts.cookie ? { Cookie: opts.cookie } : {}),
    },
  });
  const line = res.body.split("\n").find((l) => l.startsWith("1:"));
  let result: unknown = undefined;
  try {
    result = line ? JSON.parse(line.slice(2)) : undefined;
  } catch {
    /* not JSON: leave undefined */
  }
  return { ...res, result };
}
