import { jsonStructureProblem } from "@/lib/api/parse-json-text";
import { readLimited } from "@/lib/api/read-json-body";
import { AppError } from "@/lib/errors/app-error";
import { isAllowedOrigin } from "./allowed-origin";

/** A foreign Origin is refused before anything else, authentication included (the MCP spec's 403). */
export function assertAllowedOrigin(req: Request): void {
  if (!isAllowedOrigin(req.headers.get("origin"))) {
    throw new AppError("forbidden", "This Origin may not call the MCP server (set AEGIS_MCP_ALLOWED_ORIGINS to allow a browser app)");
  }
}

/**
 * The MCP SDK parses the JSON-RPC body itself, and tool arguments then reach the same
 * recursive checks as REST bodies: so the body is read here first, with the API's size limit
 * and its nesting and repeated-key rules (400 in the API error body), and handed on as text.
 */
export async function guardMcpBody(req: Request): Promise<Request> {
  if (req.method !== "POST") return req;
  const text = await readLimited(req);
  const problem = jsonStructureProblem(text);
  if (problem) throw new AppError("validation_error", `The request body: ${problem.field} is ${problem.issue}`, [problem]);
  return new Request(req.url, { method: req.method, headers: req.headers, body: text, signal: req.signal });
}
