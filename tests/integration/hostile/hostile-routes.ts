import fs from "node:fs";
import path from "node:path";

/**
 * What the hostile suite must reach, read from the code rather than listed by hand, so a new
 * route, page or server action is covered (or the suite fails naming it):
 * - API operations from the OpenAPI document the server serves, checked against app/api's
 *   route handlers: a handler the document lacks must be one of OUTSIDE_OPENAPI.
 * - Dashboard routes: every page.tsx and route.ts outside app/api.
 * - Server actions: every export of the build's server-reference manifest, with a page that uses it.
 */
const root = path.resolve(import.meta.dirname, "../../..");
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;

/** Route handlers the OpenAPI document does not describe, each with its own generator in the suite. */
export const OUTSIDE_OPENAPI = [
  "GET /api/health",
  "GET /api/v1/openapi.json",
  "GET /api/auth/[...nextauth]",
  "POST /api/auth/[...nextauth]",
  "GET /api/mcp",
  "POST /api/mcp",
  "DELETE /api/mcp",
  "POST /api/internal/admin",
  // A card rail's own endpoint: the rail's contract (Stripe's signed events), not our API's.
  "POST /api/rails/[connectionId]",
  "GET /api/v1/[...path]",
  "POST /api/v1/[...path]",
  "PUT /api/v1/[...path]",
  "PATCH /api/v1/[...path]",
  "DELETE /api/v1/[...path]",
];

function walk(dir: string, name: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...walk(p, name));
    else if (e.name === name) out.push(p);
  }
  return out;
}

/** "app/(dashboard)/agents/[id]/page.tsx" -> "/agents/[id]" (route groups dropped). */
const routeOf = (file: string) =>
  (
    "/" +
    path
      .relative(path.join(root, "app"), path.dirname(file))
      .split(path.sep)
      .filter((s) => s && !/^\(.*\)$/.test(s))
      .join("/")
  ).replace(/\/$/, "") || "/";

/**
 * Methods a route file really handles: `export const GET =` / `export async function GET`
 * (the `export const { PUT, … } = methodsNotAllowed(…)` answers are 405s, sent anyway by the
 * wrong-method generator), and `export const { GET, POST } = handlers` forms that re-export a library's handlers.
 */
function handledMethods(file: string): string[] {
  const text = fs.readFileSync(file, "utf8");
  const found = new Set<string>();
  for (const m of METHODS) {
    if (new RegExp(`export (const|async function|function) ${m}\\b`).test(text)) found.add(m);
  }
  for (const [, names, rhs] of text.matchAll(/export const \{([^}]+)\}\s*=\s*([^;\n]+)/g)) {
    if (/methodsNotAllowed/.test(rhs)) continue;
    for (const n of names.split(",").map((s) => s.trim().split(/\s+as\s+/)[0]!)) if ((METHODS as readonly string[]).includes(n)) found.add(n);
  }
  for (const [, names] of text.matchAll(/export \{([^}]+)\}/g)) {
    for (const n of names.split(",").map((s) =>
      s
        .trim()
        .split(/\s+as\s+/)
        .pop()!,
    ))
      if ((METHODS as readonly string[]).includes(n)) found.add(n);
  }
  return [...found];
}

/** Every "METHOD /api/…" the app's route handlers answer (path templates as in app/: [id]). */
export function apiHandlers(): string[] {
  return walk(path.join(root, "app/api"), "route.ts").flatMap((f) => handledMethods(f).map((m) => `${m} ${routeOf(f)}`));
}

/** Every dashboard route outside /api: pages and route handlers, as path templates. */
export function dashboardRoutes(): { route: string; kind: "page" | "handler" }[] {
  const pages = walk(path.join(root, "app"), "page.tsx").map((f) => ({ route: routeOf(f), kind: "page" as const }));
  const handlers = walk(path.join(root, "app"), "route.ts")
    .map((f) => ({ route: routeOf(f), kind: "handler" as const }))
    .filter((r) => !r.route.startsWith("/api/"));
  return [...pages, ...handlers].sort((a, b) => a.route.localeCompare(b.route));
}

export type Operation = { method: string; template: string; operationId: string; query: string[]; body: JsonSchema | null; example: unknown };
export type JsonSchema = { type?: string | string[]; properties?: Record<string, JsonSchema>; $ref?: string; enum?: unknown[]; format?: string };

/** The API's operations from its OpenAPI document (paths relative to /api/v1, templated as {id}). */
export function operationsOf(doc: { paths: Record<string, Record<string, any>>; components: { schemas: Record<string, JsonSchema> } }): Operation[] {
  const deref = (s: JsonSchema | undefined) => (s?.$ref ? doc.components.schemas[s.$ref.split("/").pop()!] : s) ?? null;
  return Object.entries(doc.paths).flatMap(([p, ops]) =>
    Object.entries(ops)
      .filter(([m]) => (METHODS as readonly string[]).includes(m.toUpperCase()))
      .map(([m, op]) => {
        const json = op.requestBody?.content?.["application/json"];
        return {
          method: m.toUpperCase(),
          template: `/api/v1${p}`,
          operationId: String(op.operationId),
          query: (op.parameters ?? []).filter((x: any) => x.in === "query").map((x: any) => String(x.name)),
          body: json ? deref(json.schema) : null,
          example: json?.example,
        };
      }),
  );
}

/** "/api/v1/intents/{id}/capture" and "/api/v1/intents/[id]/capture" name the same route. */
export const sameRoute = (openapi: string, app: string) => openapi.replace(/\{[^}]+\}/g, "[id]") === app;

type Manifest = { node: Record<string, { exportedName: string; workers: Record<string, unknown> }> };

/** Every server action of the build, with the dashboard pages whose bundles carry it. */
export function serverActions(): { name: string; id: string; pages: string[] }[] {
  const manifest = JSON.parse(fs.readFileSync(path.join(root, ".next/server/server-reference-manifest.json"), "utf8")) as Manifest;
  return Object.entries(manifest.node)
    .map(([id, v]) => ({
      name: v.exportedName,
      id,
      pages: Object.keys(v.workers)
        .filter((w) => w.startsWith("app/") && w.endsWith("/page"))
        .map((w) => routeOf(path.join(root, w))),
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
}
