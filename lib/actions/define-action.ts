import { revalidatePath } from "next/cache";
import { z } from "zod";
import { requireGatedSession, requireSession, type SessionContext } from "@/lib/auth/require-session";
import type { SessionGate } from "@/lib/auth/session-gate";
import { MAX_BODY_BYTES } from "@/lib/api/read-json-body";
import { AppError, validationError } from "@/lib/errors/app-error";
import { toActionResult, type ActionResult } from "./action-result";

/**
 * Every dashboard server action is built here. A server action is a public POST endpoint:
 * anyone can call it with any arguments the React wire format can express (numbers where
 * strings belong, 90 KB strings, nested junk), so its arguments are parsed with zod at the
 * boundary, like an API body, before any domain code runs. A refusal is an ActionResult
 * (`validation_error` with field details), never a thrown TypeError or a 500.
 *
 * Order: the session first (no session redirects to sign-in, as every dashboard route
 * does), then the size and the schema, then `run`, then revalidation when it succeeded.
 */

/** The arguments' JSON may be as large as an API body, and no larger (a policy document fits). */
export const MAX_INPUT_BYTES = MAX_BODY_BYTES;

/** An object id from the dashboard (uuid or prefixed id): the domain verbs answer 404 for one that is not theirs. */
export const ActionIdSchema = z
  .string({ error: "must be an id" })
  .trim()
  .min(1, "is required")
  .max(64, "is not an id")
  .regex(/^[A-Za-z0-9_-]+$/, "is not an id");

type Revalidation = string | { path: string; type: "layout" | "page" };
type Revalidate<I, T> = Revalidation | ((input: I, data: NoInfer<T>) => Revalidation | Revalidation[]);

type Common<S extends z.ZodObject, T> = {
  input: S;
  run: (ctx: SessionContext, input: z.output<S>) => Promise<T>;
  /** What to revalidate after a success: a path, { path, type }, or a function of the input and result giving one or several. */
  revalidate?: Revalidate<z.output<S>, T>;
  /**
   * For the steps of signing in (lib/auth/session-gate.ts): the steps whose sessions may run
   * this action too (a session with no step left always may). Every other action refuses a
   * session with a step to take. A step's actions never serve another step: a session that
   * has not proved its second factor cannot set up a new one.
   */
  gates?: readonly Exclude<SessionGate, null>[];
};

/**
 * What callers may pass: the schema's input with literal unions widened (a <select>'s value
 * is a string; zod checks it is one of the choices), since the schema, not the type, guards.
 */
type Loose<T> = T extends string ? string : T extends number ? number : T extends boolean ? boolean : T;
type LooseObject<I> = { [K in keyof I]: Loose<I[K]> };

/** Positional arguments named by `args`; trailing ones the schema lets be undefined are optional. */
type Positional<I, K extends readonly string[]> = K extends readonly [...infer H extends readonly string[], infer L extends string]
  ? L extends keyof I
    ? undefined extends I[L]
      ? Positional<I, H> | [...Positional<I, H>, Loose<I[L]>]
      : [...Positional<I, H>, Loose<I[L]>]
    : never
  : [];

/** One argument, the input object (`createEndpointAction({ url, events })`). */
export function defineAction<S extends z.ZodObject, T>(spec: Common<S, T>): (input: LooseObject<z.input<S>>) => Promise<ActionResult<T>>;
/** Positional arguments (`setAgentStatusAction(agentId, status)`), named by `args` so errors say which. */
export function defineAction<S extends z.ZodObject, const K extends readonly (keyof z.input<S> & string)[], T>(
  spec: Common<S, T> & { args: K },
): (...args: Positional<z.input<S>, K>) => Promise<ActionResult<T>>;
export function defineAction<S extends z.ZodObject, T>(spec: Common<S, T> & { args?: readonly string[] }) {
  return async (...raw: unknown[]): Promise<ActionResult<T>> => {
    const ctx = spec.gates ? await requireGatedSession() : await requireSession();
    let input: z.output<S> | undefined;
    const result = await toActionResult(async () => {
      const gate = "gate" in ctx ? (ctx.gate as SessionGate) : null;
      if (gate && !spec.gates?.includes(gate)) throw new AppError("unauthenticated", "Finish signing in first");
      input = parseArguments(spec.input, spec.args, raw);
      return spec.run(ctx, input);
    });
    if (result.ok && spec.revalidate && input !== undefined) {
      const targets = typeof spec.revalidate === "function" ? spec.revalidate(input, result.data) : spec.revalidate;
      for (const target of Array.isArray(targets) ? targets : [targets]) {
        if (typeof target === "string") revalidatePath(target);
        else revalidatePath(target.path, target.type);
      }
    }
    return result;
  };
}

function parseArguments<S extends z.ZodObject>(schema: S, names: readonly string[] | undefined, raw: unknown[]): z.output<S> {
  const expected = names ? names.length : 1;
  if (raw.length > expected)
    throw validationError(`Expected at most ${expected} argument${expected === 1 ? "" : "s"}`, [{ field: "(arguments)", issue: "too many" }]);
  if (inputBytes(raw) > MAX_INPUT_BYTES) throw new AppError("payload_too_large", `The input must be at most ${MAX_INPUT_BYTES / 1024} KiB`);
  const value = names ? Object.fromEntries(names.map((name, i) => [name, raw[i]])) : raw[0];
  return schema.parse(value);
}

/** The arguments' JSON size; values JSON cannot express (BigInt, cycles) count as too large. */
function inputBytes(raw: unknown[]): number {
  try {
    return Buffer.byteLength(JSON.stringify(raw) ?? "");
  } catch {
    return Number.POSITIVE_INFINITY;
  }
}
