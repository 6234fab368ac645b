import type { Shape, Side } from "./api-model";
import { pythonLiteral } from "./names";

/** The names a generated Python module uses, so it imports exactly those. */
export class PythonImports {
  readonly typing = new Set<string>();
  readonly literals = new Set<string>();
  readonly models = new Set<string>();
  datetime = false;

  /** `from typing import …` and `import datetime as _dt`, sorted. */
  header(): string[] {
    const lines = [];
    if (this.datetime) lines.push("import datetime as _dt");
    if (this.typing.size) lines.push(`from typing import ${[...this.typing].sort().join(", ")}`);
    return lines;
  }
}

/** The Python annotation of a shape; answers (`output`) read timestamps as datetimes, requests (`input`) take either. */
export function pythonType(shape: Shape, side: Side, uses: PythonImports): string {
  const typing = (name: string) => (uses.typing.add(name), name);
  switch (shape.kind) {
    case "any":
      return typing("Any");
    case "string":
      if (!shape.format) return "str";
      uses.datetime = true;
      if (side === "output") return shape.format === "date" ? "_dt.date" : "_dt.datetime";
      return `${typing("Union")}[str, ${shape.format === "date" ? "_dt.date" : "_dt.datetime"}]`;
    case "integer":
      return "int";
    case "number":
      return "float";
    case "boolean":
      return "bool";
    case "null":
      return "None";
    case "literal":
      if (shape.alias) return (uses.literals.add(shape.alias), shape.alias);
      return `${typing("Literal")}[${shape.values.map(pythonLiteral).join(", ")}]`;
    case "array":
      return `${typing("List")}[${pythonType(shape.items, side, uses)}]`;
    case "map":
      return `${typing("Dict")}[str, ${pythonType(shape.values, side, uses)}]`;
    case "object":
      return (uses.models.add(shape.name), shape.name);
    case "union": {
      const members = [...new Set(shape.variants.flatMap((v) => unionMembers(pythonType(v, side, uses))))];
      return members.length === 1 ? members[0] : `${typing("Union")}[${members.join(", ")}]`;
    }
    case "nullable":
      return `${typing("Optional")}[${pythonType(shape.inner, side, uses)}]`;
  }
}

/** `Union[str, _dt.date]` → its members, so nested unions flatten. */
function unionMembers(type: string): string[] {
  const m = /^Union\[(.*)\]$/.exec(type);
  if (!m) return [type];
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < m[1].length; i++) {
    const c = m[1][i];
    if (c === "[") depth++;
    else if (c === "]") depth--;
    else if (c === "," && depth === 0) {
      out.push(m[1].slice(start, i).trim());
      start = i + 1;
    }
  }
  out.push(m[1].slice(start).trim());
  return out;
}

/** `Optional[...]` unless the type already allows None. */
export const optional = (type: string, uses: PythonImports) =>
  type.startsWith("Optional[") || type === "Any" ? type : (uses.typing.add("Optional"), `Optional[${type}]`);

/** The `_model_base` parser that reads a value of this shape from JSON; null when it is read as it comes. */
export function pythonParser(shape: Shape, optionalList: boolean, uses: Set<string>): string | null {
  switch (shape.kind) {
    case "string":
      return shape.format ? (uses.add("timestamp"), "timestamp") : null;
    case "integer":
      return (uses.add("integer"), "integer");
    case "object":
      return (uses.add("model"), `model(${shape.name})`);
    case "array": {
      uses.add("items");
      const inner = pythonParser(shape.items, false, uses);
      return `items(${inner ?? "None"}${optionalList ? ", optional=True" : ""})`;
    }
    case "map": {
      const inner = pythonParser(shape.values, false, uses);
      return inner ? (uses.add("mapping"), `mapping(${inner})`) : null;
    }
    case "nullable":
      return pythonParser(shape.inner, true, uses);
    default:
      return null;
  }
}
