import { pascal, singular } from "./names";

/**
 * The OpenAPI document read into what the SDK generators need: every operation, and every
 * object and enum its schemas use, each with one name. zod writes nested objects inline, so
 * an inline object gets its parent's name plus its property's (`Approval.responses[]` →
 * `ApprovalResponse`), NAME_OVERRIDES renames some, and objects or enums with the same shape
 * share one name (`Agent.wallet` is the `Wallet` component, `Approval.intent` the `Intent`).
 */

export type Literal = string | number | boolean | null;
export type Side = "input" | "output";
export type Shape =
  | { kind: "any" }
  | { kind: "string"; format?: "date-time" | "date" }
  | { kind: "integer" | "number" | "boolean" | "null" }
  | { kind: "literal"; values: Literal[]; alias?: string }
  | { kind: "array"; items: Shape }
  | { kind: "map"; values: Shape }
  | { kind: "object"; name: string }
  | { kind: "union"; variants: Shape[] }
  | { kind: "nullable"; inner: Shape };
export type Prop = { key: string; required: boolean; shape: Shape; description?: string };
/** `origin` says where the schema sits: `#/components/schemas/Intent`, `Intent.policy_decision`, `listIntents.status`. */
export type ObjectType = { name: string; side: Side; origin: string; description?: string; props: Prop[] };
export type EnumType = { name: string; values: Literal[] };
export type Param = { name: string; required: boolean; shape: Shape; description?: string };
export type ApiOperation = {
  id: string;
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  path: string;
  summary: string;
  pathParams: Param[];
  queryParams: Param[];
  /** Takes an Idempotency-Key header: safe to retry after it was sent. */
  idempotent: boolean;
  body?: { name: string; required: boolean };
  /** The 2xx answer's status and schema (none when the document gives no body). */
  status: string;
  result?: Shape;
  /** Other 2xx answers with another object (PUT /policy: 200 the policy, 202 a proposal). */
  alternatives: { status: string; result: Shape }[];
};
export type ApiModel = { objects: ObjectType[]; enums: EnumType[]; operations: ApiOperation[] };

/**
 * Names the public SDKs had before they were generated, and clearer ones than parent + property,
 * keyed by the name the rule above would give.
 */
export const NAME_OVERRIDES: Record<string, string> = {
  IntentPolicyDecision: "PolicyDecision",
  PolicyDecisionTrace: "PolicyTraceEntry",
  PolicyDecisionBudgetsDaily: "SpendWindow",
  AgentSpendDay: "SpendWindow",
  ApprovalAgent: "AgentSummary",
  AgentRiskFactor: "RiskFactor",
  AgentCounts: "IntentCounts",
  ErrorBodyError: "ApiError",
  IntentSettlement: "Settlement",
  PolicyDecisionOutcome: "DecisionOutcome",
  ApprovalRequiredRole: "RequiredRole",
  ApprovalResponseDecision: "ApprovalDecision",
  AgentRiskLevel: "RiskLevel",
  BacktestPolicyParamsDays: "BacktestDays",
  Error: "ErrorBody",
  AgentSummaryStatus: "AgentStatus",
  DelegationFromUser: "DelegationUser",
  PolicyVersionListData: "PolicyVersion",
  PolicyBacktestOutcomesCurrent: "PolicyBacktestOutcomeCounts",
  CreateWebhookEndpointParamsEvent: "WebhookEventType",
};

type Schema = Record<string, unknown>;
const METHODS = ["get", "post", "put", "patch", "delete"] as const;
const KEPT = new Set(["type", "properties", "required", "items", "anyOf", "oneOf", "enum", "const", "additionalProperties", "$ref", "format"]);

/** What makes two schemas the same type (validation limits and descriptions do not). */
function normalize(value: unknown): unknown {
  if (Array.isArray(value)) return value.map((v) => normalize(v));
  if (!value || typeof value !== "object") return value;
  const s = value as Schema;
  const out: Schema = {};
  for (const key of Object.keys(s).sort()) {
    if (!KEPT.has(key) || (key === "additionalProperties" && s.properties) || (key === "format" && !/^date/.test(String(s.format)))) continue;
    if (key === "required") out.required = [...(s.required as string[])].sort();
    else if (key === "properties")
      out.properties = Object.fromEntries(
        Object.keys(s.properties as Schema)
          .sort()
          .map((k) => [k, normalize((s.properties as Schema)[k])]),
      );
    else out[key] = normalize(s[key]);
  }
  return out;
}

const typeKey = (side: Side, schema: unknown) => `${side}:${JSON.stringify(normalize(schema))}`;

class Builder {
  private readonly objects = new Map<string, ObjectType>();
  private readonly all: ObjectType[] = [];
  private readonly enums = new Map<string, EnumType>();
  private readonly taken = new Set<string>();
  private readonly componentNames = new Map<string, string>();
  /** Component names: an inline object never takes one that is not its own. */
  private readonly reserved = new Set<string>();

  constructor(private readonly doc: Schema) {}

  register(side: Side, name: string, schema: unknown) {
    const key = typeKey(side, schema);
    if (!this.componentNames.has(key)) this.componentNames.set(key, name);
    this.reserved.add(name);
  }

  /** A component keeps its own name even when another component has the same shape. */
  component(side: Side, name: string, schema: Schema, origin: string): Shape {
    const key = typeKey(side, schema);
    if (this.componentNames.get(key) === name || schema.type !== "object" || !schema.properties) return this.shape(schema, side, name, "", origin);
    return this.object(schema, side, name, origin, true);
  }

  result(operations: ApiOperation[]): ApiModel {
    return { objects: this.all, enums: [...this.enums.values()], operations };
  }

  /** `name`, or `name2`, `name3`… when taken; `component` is true when `name` is the schema's own component name. */
  private unique(name: string, component = false) {
    let candidate = name;
    for (let n = 2; this.taken.has(candidate) || (!component && this.reserved.has(candidate)); n++) candidate = `${name}${n}`;
    this.taken.add(candidate);
    return candidate;
  }

  private resolve(ref: string): Schema {
    const name = ref.replace("#/components/schemas/", "");
    const schema = ((this.doc.components as Schema).schemas as Schema)[name];
    if (!schema) throw new Error(`unresolved $ref ${ref}`);
    return schema as Schema;
  }

  /** The type of `schema`; `suggested` names it if it is a new object or enum, `key` is the property it sits in. */
  shape(schema: Schema, side: Side, suggested: string, key = "", origin = suggested): Shape {
    if (typeof schema.$ref === "string") return this.shape(this.resolve(schema.$ref), side, schema.$ref.split("/").pop()!, key, schema.$ref);
    const variants = (schema.anyOf ?? schema.oneOf) as Schema[] | undefined;
    if (variants) return this.union(variants, side, suggested, key, origin);
    if (Array.isArray(schema.type))
      return this.union(
        (schema.type as string[]).map((type) => ({ ...schema, type })),
        side,
        suggested,
        key,
        origin,
      );
    if ("const" in schema) return { kind: "literal", values: [schema.const as Literal] };
    if (Array.isArray(schema.enum)) return this.literal(schema.enum as Literal[], suggested);
    switch (schema.type) {
      case "object":
        return this.object(schema, side, suggested, origin);
      case "array":
        return { kind: "array", items: this.shape((schema.items ?? {}) as Schema, side, singular(suggested), key, `${origin}[]`) };
      case "string": {
        const format = schema.format === "date-time" || schema.format === "date" ? schema.format : undefined;
        // zod's output strings carry no format: a `*_at` field of an answer is a timestamp.
        return { kind: "string", format: format ?? (side === "output" && key.endsWith("_at") ? "date-time" : undefined) };
      }
      case "integer":
      case "number":
      case "boolean":
      case "null":
        return { kind: schema.type };
      default:
        return { kind: "any" };
    }
  }

  private union(variants: Schema[], side: Side, suggested: string, key: string, origin: string): Shape {
    const nullable = variants.some((v) => v.type === "null");
    const rest = variants.filter((v) => v.type !== "null");
    let inner: Shape;
    if (rest.length && rest.every((v) => "const" in v || Array.isArray(v.enum))) {
      inner = this.literal(
        rest.flatMap((v) => ("const" in v ? [v.const as Literal] : (v.enum as Literal[]))),
        suggested,
      );
    } else if (rest.length === 1) {
      inner = this.shape(rest[0], side, suggested, key, origin);
    } else {
      // Objects among several variants are read as plain dicts / records.
      const shapes = rest.map((v) => (v.type === "object" ? ({ kind: "map", values: { kind: "any" } } as Shape) : this.shape(v, side, suggested, key, origin)));
      const seen = new Set<string>();
      inner = { kind: "union", variants: shapes.filter((s) => !seen.has(JSON.stringify(s)) && !!seen.add(JSON.stringify(s))) };
    }
    return nullable ? { kind: "nullable", inner } : inner;
  }

  private literal(values: Literal[], suggested: string): Shape {
    if (values.length < 2) return { kind: "literal", values };
    const key = JSON.stringify([...values].map((v) => JSON.stringify(v)).sort());
    let type = this.enums.get(key);
    if (!type) {
      type = { name: this.unique(NAME_OVERRIDES[suggested] ?? suggested), values };
      this.enums.set(key, type);
    }
    return { kind: "literal", values: type.values, alias: type.name };
  }

  private object(schema: Schema, side: Side, suggested: string, origin: string, own = false): Shape {
    const properties = (schema.properties ?? {}) as Record<string, Schema>;
    if (!Object.keys(properties).length) {
      const extra = schema.additionalProperties;
      const values =
        extra && typeof extra === "object" && Object.keys(extra).length
          ? this.shape(extra as Schema, side, `${suggested}Value`, "", `${origin}{}`)
          : { kind: "any" as const };
      return { kind: "map", values };
    }
    const key = typeKey(side, schema);
    const known = this.objects.get(key);
    if (known && !own) return { kind: "object", name: known.name };
    const component = own ? suggested : this.componentNames.get(key);
    const name = this.unique(component ?? NAME_OVERRIDES[suggested] ?? suggested, component !== undefined);
    const type: ObjectType = { name, side, origin, description: schema.description as string | undefined, props: [] };
    if (!known) this.objects.set(key, type);
    this.all.push(type);
    const required = new Set((schema.required ?? []) as string[]);
    for (const [prop, s] of Object.entries(properties)) {
      const shape = this.shape(s, side, type.name + pascal(prop), prop, `${type.name}.${prop}`);
      type.props.push({ key: prop, required: required.has(prop), shape, description: s.description as string | undefined });
    }
    return { kind: "object", name: type.name };
  }
}

const INPUT_SUFFIX = "Params";

export function buildApiModel(doc: Schema): ApiModel {
  const b = new Builder(doc);
  const schemas = (doc.components as Schema).schemas as Record<string, Schema>;
  const paths = doc.paths as Record<string, Record<string, Schema>>;
  const bodyRef = (op: Schema) =>
    ((((op.requestBody as Schema)?.content as Schema)?.["application/json"] as Schema)?.schema as Schema | undefined)?.$ref as string | undefined;
  const inputs = new Set(
    Object.values(paths)
      .flatMap((p) => Object.values(p).map((op) => bodyRef(op)))
      .filter((r): r is string => typeof r === "string")
      .map((r) => r.split("/").pop()!),
  );
  const sideOf = (name: string): Side => (inputs.has(name) ? "input" : "output");
  const nameOf = (name: string) => NAME_OVERRIDES[name] ?? (inputs.has(name) ? name + INPUT_SUFFIX : name);
  for (const [name, schema] of Object.entries(schemas)) b.register(sideOf(name), nameOf(name), schema);
  for (const [name, schema] of Object.entries(schemas)) b.component(sideOf(name), nameOf(name), schema, `#/components/schemas/${name}`);

  const operations: ApiOperation[] = [];
  for (const [path, methods] of Object.entries(paths)) {
    for (const method of METHODS) {
      const op = methods[method];
      if (!op) continue;
      const id = op.operationId as string;
      if (!id) throw new Error(`${method.toUpperCase()} ${path} has no operationId`);
      const params = (op.parameters ?? []) as Schema[];
      const param = (p: Schema): Param => ({
        name: p.name as string,
        required: !!p.required,
        shape: b.shape((p.schema ?? {}) as Schema, "input", pascal(id) + pascal(p.name as string), p.name as string, `${id}.${p.name}`),
        description: p.description as string | undefined,
      });
      const ref = bodyRef(op);
      if ((op.requestBody as Schema | undefined) && !ref) throw new Error(`${id}: a request body must be a $ref to a component`);
      const successes = Object.entries((op.responses ?? {}) as Record<string, Schema>).filter(([code]) => /^2/.test(code));
      const [status, ok] = successes[0] ?? ["200", undefined];
      const jsonOf = (r: Schema | undefined) => ((r?.content as Schema)?.["application/json"] as Schema)?.schema as Schema | undefined;
      const answer = jsonOf(ok);
      const alternatives = successes
        .slice(1)
        .filter(([, r]) => jsonOf(r) && (jsonOf(r) as Schema).$ref !== answer?.$ref)
        .map(([code, r]) => ({ status: code, result: b.shape(jsonOf(r)!, "output", pascal(id) + "Result" + code, "", `${id} answer ${code}`) }));
      operations.push({
        id,
        method: method.toUpperCase() as ApiOperation["method"],
        path,
        summary: (op.summary as string) ?? "",
        pathParams: params.filter((p) => p.in === "path").map(param),
        queryParams: params.filter((p) => p.in === "query").map(param),
        idempotent: params.some((p) => p.in === "header" && String(p.name).toLowerCase() === "idempotency-key"),
        body: ref ? { name: nameOf(ref.split("/").pop()!), required: !!(op.requestBody as Schema).required } : undefined,
        status,
        result: answer ? b.shape(answer, "output", pascal(id) + "Result", "", `${id} answer`) : undefined,
        alternatives,
      });
    }
  }
  return b.result(operations);
}

/** The object type called `name`. */
export const objectNamed = (model: ApiModel, name: string) => {
  const found = model.objects.find((o) => o.name === name);
  if (!found) throw new Error(`no object type ${name}`);
  return found;
};
