import type { ApiModel, ObjectType } from "./api-model";
import { oneLine, pythonLiteral, pythonName } from "./names";
import { optional, PythonImports, pythonParser, pythonType } from "./python-types";

/** Hand-written behaviour (`aegis_os/_model_mixins.py`) some generated classes inherit. */
const MIXINS: Record<string, string> = { Intent: "IntentMixin", PolicyDecision: "PolicyDecisionMixin", PolicyTraceEntry: "PolicyTraceEntryMixin" };
/** Members of the mixins and of `Model` a field must not shadow. */
const TAKEN_FIELDS = new Set(["raw", "from_dict", "verb", "is_terminal", "_fields"]);
/** Docstrings for the classes the public document talks about (others say where their schema sits). */
const DOCS: Record<string, string> = {
  Intent: "One request to spend (``int_…``).",
  PolicyDecision: "The policy engine's verdict on an intent; ``str(decision)`` reads as a sentence.",
  PolicyTraceEntry: "One rule the policy engine checked.",
  Approval: "A human decision request for one intent (``apr_…``).",
  Agent: "A registered AI agent of the organisation.",
  Wallet: "An agent's funds in one currency, in minor units.",
};
const RESERVED = new Set(["Any", "Dict", "List", "Literal", "Optional", "Union", "TypedDict", "Model", "dataclass", ...Object.values(MIXINS)]);

const docstring = (o: ObjectType) =>
  DOCS[o.name] ?? (o.description ? oneLine(o.description) : `\`\`${o.origin.replace("#/components/schemas/", "")}\`\` of the API.`);

function dataclass(o: ObjectType, uses: PythonImports, parsers: Set<string>): { cls: string; fields: string } {
  const lines = ["@dataclass", `class ${o.name}(${MIXINS[o.name] ? MIXINS[o.name] + ", " : ""}Model):`, `    """${docstring(o)}"""`, ""];
  const table: string[] = [];
  const ordered = [...o.props.filter((p) => p.required), ...o.props.filter((p) => !p.required)];
  for (const p of ordered) {
    const attr = pythonName(p.key);
    if (TAKEN_FIELDS.has(attr)) throw new Error(`${o.name}.${p.key} would shadow a member of the Python model: rename it in scripts/sdk/python-models.ts`);
    if (p.description) lines.push(`    #: ${oneLine(p.description)}`);
    const type = pythonType(p.shape, "output", uses);
    lines.push(p.required ? `    ${attr}: ${type}` : `    ${attr}: ${optional(type, uses)} = None`);
    table.push(`    (${JSON.stringify(attr)}, ${JSON.stringify(p.key)}, ${pythonParser(p.shape, !p.required, parsers) ?? "None"}),`);
  }
  uses.typing.add("Dict").add("Any");
  lines.push("    raw: Dict[str, Any] = raw_field()");
  return { cls: lines.join("\n"), fields: `${o.name}._fields = (\n${table.join("\n")}\n)` };
}

function typedDict(o: ObjectType, uses: PythonImports): string {
  uses.typing.add("TypedDict");
  const field = (p: ObjectType["props"][number]) => {
    if (pythonName(p.key) !== p.key) throw new Error(`${o.name}.${p.key} is a Python keyword: a TypedDict needs the functional form here`);
    const comment = p.description ? [`    #: ${oneLine(p.description)}`] : [];
    return [...comment, `    ${p.key}: ${pythonType(p.shape, "input", uses)}`];
  };
  const required = o.props.filter((p) => p.required);
  const rest = o.props.filter((p) => !p.required);
  const doc = [`    """Request body: ${docstring(o)} Keys the schema requires are required here too."""`, ""];
  if (!rest.length) return [`class ${o.name}(TypedDict):`, ...doc, ...required.flatMap(field)].join("\n");
  if (!required.length) return [`class ${o.name}(TypedDict, total=False):`, ...doc, ...rest.flatMap(field)].join("\n");
  return [
    `class _${o.name}Required(TypedDict):`,
    ...required.flatMap(field),
    "",
    "",
    `class ${o.name}(_${o.name}Required, total=False):`,
    ...doc,
    ...rest.flatMap(field),
  ].join("\n");
}

/** `aegis_os/_generated/literals.py`: every enum of the document as a `Literal` alias. */
export function pythonLiterals(model: ApiModel): string {
  const aliases = model.enums.map((e) => `${e.name} = Literal[${e.values.map(pythonLiteral).join(", ")}]`);
  const uses = new PythonImports();
  uses.typing.add("Literal");
  return [
    ...uses.head(["The closed sets of values of the AegisOS API, as ``Literal`` types.", ""]),
    "",
    ...aliases,
    "",
    `__all__ = [${model.enums.map((e) => JSON.stringify(e.name)).join(", ")}]`,
    "",
  ].join("\n");
}

/** `aegis_os/_generated/models.py`: answers as dataclasses, request bodies as TypedDicts. */
export function pythonModels(model: ApiModel): string {
  for (const name of [...model.objects.map((o) => o.name), ...model.enums.map((e) => e.name)]) {
    if (RESERVED.has(name)) throw new Error(`the schema name ${name} clashes with a name models.py uses`);
  }
  const uses = new PythonImports();
  const parsers = new Set<string>();
  const outputs = model.objects.filter((o) => o.side === "output").map((o) => dataclass(o, uses, parsers));
  const inputs = model.objects.filter((o) => o.side === "input").map((o) => typedDict(o, uses));
  const mixins = [...new Set(model.objects.map((o) => MIXINS[o.name]).filter(Boolean))].sort();
  return [
    ...uses.head([
      "Answers and request bodies of the AegisOS API.",
      "",
      "Answers are dataclasses (``Model.from_dict`` reads one from JSON; ``raw`` keeps the whole object,",
      "so fields this SDK does not know yet are never lost); request bodies are TypedDicts.",
    ]),
    "from dataclasses import dataclass",
    "",
    `from .._model_base import Model, ${[...parsers, "raw_field"].sort().join(", ")}`,
    ...(mixins.length ? [`from .._model_mixins import ${mixins.join(", ")}`] : []),
    ...(uses.literals.size ? [`from .literals import ${[...uses.literals].sort().join(", ")}`] : []),
    "",
    `__all__ = [${model.objects.map((o) => JSON.stringify(o.name)).join(", ")}]`,
    "",
    "",
    [...outputs.map((o) => o.cls), ...inputs].join("\n\n\n"),
    "",
    "",
    outputs.map((o) => o.fields).join("\n"),
    "",
  ].join("\n");
}
