import type { StandardSchemaWithJSON } from "@modelcontextprotocol/server";
import type { z } from "zod";
import { toAppError } from "@/lib/api/error-response";

/**
 * The schema a tool advertises (its JSON Schema, so a model sees every field, limit and
 * description) without letting the MCP SDK validate with it: the SDK would answer a bad
 * argument with its own free-text message, while our tools parse with the same zod schema
 * as the REST handler and answer with the REST error body (`validation_error` + details).
 */
export function advertised(schema: z.ZodType): StandardSchemaWithJSON {
  const std = schema["~standard"] as StandardSchemaWithJSON["~standard"];
  return {
    "~standard": {
      version: 1,
      vendor: "aegis",
      validate: (value: unknown) => ({ value }),
      jsonSchema: std.jsonSchema,
    },
  } as StandardSchemaWithJSON;
}

export type ToolResult = { content: { type: "text"; text: string }[]; structuredContent: Record<string, unknown>; isError?: boolean };

export function toolResult(body: Record<string, unknown>): ToolResult {
  return { content: [{ type: "text", text: JSON.stringify(body) }], structuredContent: body };
}

/** A failed call answers with exactly the REST API's error body, marked as a tool error. */
export function toolError(e: unknown, requestId: string): ToolResult {
  const err = toAppError(e);
  if (err.code === "internal_error") console.error(`[mcp] ${requestId}`, e);
  const body = { error: { code: err.code, message: err.message, status: err.status, request_id: requestId, details: err.details } };
  return { ...toolResult(body), isError: true };
}

/** Runs a tool body, turning any thrown error into the error result. */
export async function runTool(requestId: string, body: () => Promise<Record<string, unknown>>): Promise<ToolResult> {
  try {
    return toolResult(await body());
  } catch (e) {
    return toolError(e, requestId);
  }
}
