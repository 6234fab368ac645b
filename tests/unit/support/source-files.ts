import fs from "node:fs";
import path from "node:path";
import ts from "typescript";

export const ROOT = path.resolve(import.meta.dirname, "..", "..", "..");

/** Every .ts/.tsx/.mjs file under `dir` (relative to the repository), generated code left out. */
export function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (rel: string) => {
    for (const entry of fs.readdirSync(path.join(ROOT, rel), { withFileTypes: true })) {
      const child = path.posix.join(rel, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== "node_modules" && entry.name !== "generated") walk(child);
      } else if (/\.(ts|tsx|mjs)$/.test(entry.name)) out.push(child);
    }
  };
  walk(dir);
  return out.sort();
}

export const read = (file: string) => fs.readFileSync(path.join(ROOT, file), "utf8");

export function parse(file: string, text = read(file)): ts.SourceFile {
  const kind = file.endsWith(".tsx") ? ts.ScriptKind.TSX : file.endsWith(".mjs") ? ts.ScriptKind.JS : ts.ScriptKind.TS;
  return ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, kind);
}

function visit(node: ts.Node, fn: (n: ts.Node) => void) {
  fn(node);
  node.forEachChild((c) => visit(c, fn));
}

/**
 * The `process.env` reads in a file, by name (`*` for a computed or spread read), found in
 * the syntax tree so that `process.env` inside an example string does not count.
 */
export function envReads(file: string): string[] {
  const names: string[] = [];
  const text = read(file);
  if (!text.includes("process")) return names; // parsing is the slow part: most files never say it
  visit(parse(file, text), (n) => {
    if (!ts.isPropertyAccessExpression(n) || n.name.text !== "env" || !ts.isIdentifier(n.expression) || n.expression.text !== "process") return;
    const parent = n.parent;
    if (ts.isPropertyAccessExpression(parent) && parent.expression === n) names.push(parent.name.text);
    else if (ts.isElementAccessExpression(parent) && ts.isStringLiteral(parent.argumentExpression)) names.push(parent.argumentExpression.text);
    else names.push("*");
  });
  return names;
}

/** Module specifiers a file imports (static imports, re-exports and dynamic `import("…")`). */
export function importsOf(file: string): string[] {
  const specs: string[] = [];
  visit(parse(file), (n) => {
    if ((ts.isImportDeclaration(n) || ts.isExportDeclaration(n)) && n.moduleSpecifier && ts.isStringLiteral(n.moduleSpecifier))
      specs.push(n.moduleSpecifier.text);
    if (ts.isCallExpression(n) && n.expression.kind === ts.SyntaxKind.ImportKeyword && n.arguments[0] && ts.isStringLiteral(n.arguments[0]))
      specs.push(n.arguments[0].text);
  });
  return specs;
}

const PRISMA_METHODS = new Set([
  "findUnique",
  "findUniqueOrThrow",
  "findFirst",
  "findFirstOrThrow",
  "findMany",
  "create",
  "createMany",
  "createManyAndReturn",
  "update",
  "updateMany",
  "updateManyAndReturn",
  "upsert",
  "delete",
  "deleteMany",
  "count",
  "aggregate",
  "groupBy",
]);

/** Calls of the Prisma client in a file: `x.<model>.<method>(…)` for a model of schema.prisma, and `x.$queryRaw` and friends. */
export function prismaCalls(file: string, models: Set<string>): string[] {
  const calls: string[] = [];
  const text = read(file);
  visit(parse(file, text), (n) => {
    if (
      ts.isPropertyAccessExpression(n) &&
      n.name.text.startsWith("$") &&
      /^\$(queryRaw|executeRaw|transaction|queryRawUnsafe|executeRawUnsafe)$/.test(n.name.text)
    )
      calls.push(`${n.getText()}`);
    if (!ts.isCallExpression(n) || !ts.isPropertyAccessExpression(n.expression)) return;
    const method = n.expression.name.text;
    const target = n.expression.expression;
    if (PRISMA_METHODS.has(method) && ts.isPropertyAccessExpression(target) && models.has(target.name.text)) calls.push(`${target.getText()}.${method}`);
  });
  return calls;
}

/** Prisma's delegate names (`agent`, `ledgerEntry`, …) from schema.prisma. */
export function prismaModels(): Set<string> {
  const schema = read("prisma/schema.prisma");
  return new Set([...schema.matchAll(/^model (\w+)/gm)].map((m) => m[1][0].toLowerCase() + m[1].slice(1)));
}

/** An import specifier as a repository path (`@/x` and relative ones; packages are returned as they are). */
export function resolveImport(from: string, spec: string): string {
  if (spec.startsWith("@/")) return spec.slice(2);
  if (spec.startsWith(".")) return path.posix.normalize(path.posix.join(path.posix.dirname(from), spec));
  return spec;
}
