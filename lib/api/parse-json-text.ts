import { AppError, type ErrorDetail } from "@/lib/errors/app-error";
import { hasUnsafeText } from "./unsafe-text";

/**
 * JSON from outside is nested at most this deep. Our own documents need far less (a policy
 * override's time window is five levels), and everything that walks a parsed value (the
 * unsafe-text check, zod, Prisma's JSON writer, PostgreSQL's jsonb parser) recurses: 5,000
 * levels overflowed the stack and answered 500 before this guard.
 */
export const MAX_JSON_DEPTH = 32;

type Frame = { path: string; keys: Set<string> | null; expectKey: boolean; lastKey: string; index: number };

/**
 * One pass over the text, without recursion: the first container nested deeper than
 * `maxDepth`, or the first object that repeats a key (`{"amount": 1, "amount": 9}` means
 * different things to different parsers, so it means nothing here). Only meaningful for
 * text that is valid JSON; on anything else it may miss, and JSON.parse then refuses it.
 */
export function jsonStructureProblem(text: string, maxDepth = MAX_JSON_DEPTH): ErrorDetail | null {
  const frames: Frame[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22 /* " */) {
      let end = i + 1;
      let escaped = false;
      for (; end < text.length; end++) {
        const d = text.charCodeAt(end);
        if (d === 0x5c /* \ */) {
          escaped = true;
          end++;
        } else if (d === 0x22) break;
      }
      const top = frames[frames.length - 1];
      if (top?.keys && top.expectKey) {
        const key = decodeKey(text.slice(i + 1, end), escaped);
        if (key !== null) {
          if (top.keys.has(key)) return { field: hasUnsafeText(key) ? top.path || "(body)" : join(top.path, key), issue: "duplicate key" };
          top.keys.add(key);
          top.lastKey = key;
        }
        top.expectKey = false;
      }
      i = end;
    } else if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
      const parent = frames[frames.length - 1];
      const path = parent ? join(parent.path, parent.keys ? parent.lastKey : String(parent.index)) : "";
      if (frames.length >= maxDepth) return { field: path || "(body)", issue: `nested more than ${maxDepth} levels deep` };
      frames.push({ path, keys: c === 0x7b ? new Set() : null, expectKey: c === 0x7b, lastKey: "", index: 0 });
    } else if (c === 0x7d /* } */ || c === 0x5d /* ] */) {
      frames.pop();
    } else if (c === 0x2c /* , */) {
      const top = frames[frames.length - 1];
      if (top?.keys) top.expectKey = true;
      else if (top) top.index++;
    }
  }
  return null;
}

/**
 * Parses JSON text from a request (the API's bodies, sign-in, the admin channel, the policy
 * editor): invalid JSON is `invalid_json`, too deep or a repeated key a `validation_error`,
 * both 400, before any code that recurses sees the value.
 */
export function parseJsonText(text: string, what = "The request body"): unknown {
  const problem = jsonStructureProblem(text);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new AppError("invalid_json", `${what} is not valid JSON`);
  }
  if (problem) {
    const message = problem.issue === "duplicate key" ? `${problem.field}: a key may appear only once in an object` : `${what} is ${problem.issue}`;
    throw new AppError("validation_error", message, [problem]);
  }
  return value;
}

const join = (path: string, key: string) => (path ? `${path}.${key}` : key);

function decodeKey(raw: string, escaped: boolean): string | null {
  if (!escaped) return raw;
  try {
    return JSON.parse(`"${raw}"`) as string; // "\u0061" and "a" are the same key
  } catch {
    return null;
  }
}
