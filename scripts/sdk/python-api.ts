import type { ApiModel, ApiOperation, Shape } from "./api-model";
import { objectNamed } from "./api-model";
import { oneLine, pythonName, snake } from "./names";
import { optional, PythonImports, pythonType } from "./python-types";

type Arg = { name: string; key: string; type: string; required: boolean; where: "path" | "query" | "body" };

/** The method's arguments: path parameters positional, then query and body fields as keywords. */
function argsOf(model: ApiModel, op: ApiOperation, uses: PythonImports): Arg[] {
  const args: Arg[] = [
    ...op.pathParams.map((p) => ({ name: pythonName(p.name), key: p.name, type: "str", required: true, where: "path" as const })),
    ...op.queryParams.map((p) => ({
      name: pythonName(p.name),
      key: p.name,
      type: pythonType(p.shape, "input", uses),
      required: p.required,
      where: "query" as const,
    })),
  ];
  if (op.body) {
    for (const p of objectNamed(model, op.body.name).props) {
      args.push({ name: pythonName(p.key), key: p.key, type: pythonType(p.shape, "input", uses), required: p.required, where: "body" });
    }
  }
  const names = args.map((a) => a.name);
  const clash = names.find((n, i) => names.indexOf(n) !== i || n === "self" || n === "idempotency_key");
  if (clash) throw new Error(`${op.id}: two arguments would be called ${clash}; give the generator a rule for it`);
  return args;
}

function signature(args: Arg[], op: ApiOperation, uses: PythonImports): string[] {
  const positional = args.filter((a) => a.where === "path").map((a) => `${a.name}: ${a.type}`);
  const keyword = [
    ...args.filter((a) => a.where !== "path" && a.required).map((a) => `${a.name}: ${a.type}`),
    ...args
      .filter((a) => a.where !== "path" && !a.required)
      .map((a) => (a.where === "query" ? `${a.name}: ${optional(a.type, uses)} = None` : `${a.name}: Omittable[${a.type}] = NOT_GIVEN`)),
    ...(op.idempotent ? [`idempotency_key: ${optional("str", uses)} = None`] : []),
  ];
  return ["self", ...positional, ...(keyword.length ? ["*", ...keyword] : [])];
}

const dict = (args: Arg[]) => `{${args.map((a) => `${JSON.stringify(a.key)}: ${a.name}`).join(", ")}}`;

/** The method's return type and the parser of its answer: by the answer's `object` when one operation has several. */
function resultOf(model: ApiModel, op: ApiOperation, uses: PythonImports): [string, string] {
  if (op.result?.kind !== "object") return (uses.typing.add("Any"), ["Any", "as_json"]);
  const objects = [op.result, ...op.alternatives.map((a) => a.result)].filter((r): r is Extract<Shape, { kind: "object" }> => r.kind === "object");
  for (const o of objects) uses.models.add(o.name);
  if (objects.length === 1) return [op.result.name, `answer(${op.result.name})`];
  const tag = (name: string) => {
    const shape = objectNamed(model, name).props.find((p) => p.key === "object")?.shape;
    if (shape?.kind !== "literal" || shape.values.length !== 1) throw new Error(`${op.id}: ${name} has no single \`object\` literal to tell its answers apart`);
    return JSON.stringify(shape.values[0]);
  };
  uses.typing.add("Union");
  return [`Union[${objects.map((o) => o.name).join(", ")}]`, `answer_by_object({${objects.map((o) => `${tag(o.name)}: ${o.name}`).join(", ")}})`];
}

function method(model: ApiModel, op: ApiOperation, isAsync: boolean, uses: PythonImports): string {
  const args = argsOf(model, op, uses);
  const [result, parse] = resultOf(model, op, uses);
  const body = op.body ? dict(args.filter((a) => a.where === "body")) : "None";
  const call = [
    `OPERATIONS[${JSON.stringify(op.id)}]`,
    dict(args.filter((a) => a.where === "path")),
    dict(args.filter((a) => a.where === "query")),
    body,
    parse,
    ...(op.idempotent ? ["idempotency_key"] : []),
  ];
  const params = signature(args, op, uses);
  const summary = oneLine(op.summary) || op.id;
  return [
    ...(params.length === 1
      ? [`    ${isAsync ? "async " : ""}def ${snake(op.id)}(self) -> ${result}:`]
      : [`    ${isAsync ? "async " : ""}def ${snake(op.id)}(`, ...params.map((a) => `        ${a},`), `    ) -> ${result}:`]),
    `        """${/[.!?]$/.test(summary) ? summary : summary + "."}`,
    "",
    `        \`\`${op.method} ${op.path}\`\` (\`\`${op.id}\`\`).`,
    `        """`,
    `        return ${isAsync ? "await " : ""}self._call(${call.join(", ")})`,
  ].join("\n");
}

/** `aegis_os/_generated/api.py`: one method per operation, on `aegis.api` of both clients. */
export function pythonApi(model: ApiModel): string {
  const uses = new PythonImports();
  const sync = model.operations.map((op) => method(model, op, false, uses));
  const asynchronous = model.operations.map((op) => method(model, op, true, uses));
  uses.typing.add("Dict");
  const specs = model.operations.map(
    (op) =>
      `    ${JSON.stringify(op.id)}: OperationSpec(${JSON.stringify(op.id)}, "${op.method}", ${JSON.stringify(op.path)}${op.idempotent ? ", idempotent=True" : ""}),`,
  );
  const anyResultless = model.operations.some((op) => op.result?.kind !== "object");
  const anyAlternatives = model.operations.some((op) => op.alternatives.some((a) => a.result.kind === "object"));
  return [
    ...uses.head([
      "Every operation of the AegisOS API as one method: ``aegis.api`` of ``AegisClient`` and ``AsyncAegisClient``.",
      "",
      "Path parameters are positional; query parameters and body fields are keywords (a body field left",
      "out is not sent; ``None`` sends ``null``). Answers are the models of ``aegis_os.models``.",
    ]),
    "",
    `from .._model_base import answer${anyAlternatives ? ", answer_by_object" : ""}`,
    `from .._operations import ${["NOT_GIVEN", "AsyncApiBase", "Omittable", "OperationSpec", "SyncApiBase", ...(anyResultless ? ["as_json"] : [])].join(", ")}`,
    ...(uses.literals.size ? [`from .literals import ${[...uses.literals].sort().join(", ")}`] : []),
    ...(uses.models.size ? [`from .models import ${[...uses.models].sort().join(", ")}`] : []),
    "",
    '__all__ = ["OPERATIONS", "Api", "AsyncApi"]',
    "",
    "#: Every operation of the document by its operationId.",
    "OPERATIONS: Dict[str, OperationSpec] = {",
    ...specs,
    "}",
    "",
    "",
    "class Api(SyncApiBase):",
    `    """\`\`aegis.api\`\`: every operation of the API (blocking)."""`,
    "",
    sync.join("\n\n"),
    "",
    "",
    "class AsyncApi(AsyncApiBase):",
    `    """\`\`aegis.api\`\` of \`\`AsyncAegisClient\`\`: every operation of the API (awaitable)."""`,
    "",
    asynchronous.join("\n\n"),
    "",
  ].join("\n");
}
