import { Client, StreamableHTTPClientTransport } from "@modelcontextprotocol/client";
import { inject } from "vitest";

/** An MCP client (the official client SDK) connected to the app's /api/mcp with a bearer key. */
export async function mcpClient(key: string) {
  const client = new Client({ name: "aegis-integration-test", version: "1.0.0" });
  const transport = new StreamableHTTPClientTransport(new URL(`${inject("baseUrl")}/api/mcp`), {
    requestInit: { headers: { Authorization: `Bearer ${key}` } },
  });
  await client.connect(transport);
  return client;
}

export type McpClient = Awaited<ReturnType<typeof mcpClient>>;

/** Calls a tool and returns its structured answer and whether it was an error. */
export async function callTool<T = any>(client: McpClient, name: string, args: Record<string, unknown> = {}) {
  const res = await client.callTool({ name, arguments: args });
  const text = (res.content as { type: string; text: string }[])[0]?.text;
  // The text block carries the same JSON as structuredContent, for clients that read only text.
  if (text !== undefined) expectSame(JSON.parse(text), res.structuredContent);
  return { isError: res.isError === true, body: res.structuredContent as T };
}

function expectSame(a: unknown, b: unknown) {
  if (JSON.stringify(a) !== JSON.stringify(b)) throw new Error(`text and structuredContent differ: ${JSON.stringify(a)} vs ${JSON.stringify(b)}`);
}

export const toolNames = async (client: McpClient) => (await client.listTools()).tools.map((t) => t.name).sort();
