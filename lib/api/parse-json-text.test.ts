import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors/app-error";
import { jsonStructureProblem, MAX_JSON_DEPTH, parseJsonText } from "./parse-json-text";

const nested = (n: number, open = '{"a":', close = "}") => open.repeat(n) + "1" + close.repeat(n);
const thrown = (text: string) => {
  try {
    parseJsonText(text);
  } catch (e) {
    return e as AppError;
  }
  throw new Error("expected a refusal");
};

describe("jsonStructureProblem", () => {
  it("accepts ordinary bodies, strings full of brackets and escaped quotes included", () => {
    expect(jsonStructureProblem('{"amount":100,"currency":"INR","reason":"[[[{{{ \\" }}}]]]","metadata":{"tags":["a","b"]}}')).toBeNull();
    expect(jsonStructureProblem(nested(MAX_JSON_DEPTH))).toBeNull();
    expect(jsonStructureProblem(nested(MAX_JSON_DEPTH, "[", "]"))).toBeNull();
    expect(jsonStructureProblem('[{"a":1},{"a":2}]')).toBeNull(); // the same key in two objects is fine
  });

  it("finds nesting one level past the limit, in objects and arrays, and names where", () => {
    expect(jsonStructureProblem(nested(MAX_JSON_DEPTH + 1))).toEqual({
      field: "a".repeat(MAX_JSON_DEPTH).split("").join("."),
      issue: expect.stringMatching(/nested more than 32/),
    });
    expect(jsonStructureProblem(`{"metadata":{"x":[0,${nested(40, "[", "]")}]}}`)?.field).toMatch(/^metadata\.x\.1/);
  });

  it("finds a repeated key, also when spelled with escapes", () => {
    expect(jsonStructureProblem('{"amount":1,"amount":9}')).toEqual({ field: "amount", issue: "duplicate key" });
    expect(jsonStructureProblem('{"amount":1,"\\u0061mount":9}')).toEqual({ field: "amount", issue: "duplicate key" });
    expect(jsonStructureProblem('{"metadata":{"k":1,"k":2}}')).toEqual({ field: "metadata.k", issue: "duplicate key" });
  });

  it("walks 64 KiB of brackets without recursion", () => {
    expect(jsonStructureProblem("[".repeat(65_536))?.issue).toMatch(/nested/);
    expect(jsonStructureProblem('{"a":'.repeat(13_000))?.issue).toMatch(/nested/);
  });
});

describe("parseJsonText", () => {
  it("parses what passes", () => {
    expect(parseJsonText('{"a":[1,2,{"b":null}]}')).toEqual({ a: [1, 2, { b: null }] });
  });

  it("answers 400: invalid_json for junk, validation_error for depth and repeated keys", () => {
    expect(thrown("{nope")).toMatchObject({ code: "invalid_json", status: 400 });
    expect(thrown("[".repeat(5000))).toMatchObject({ code: "invalid_json" });
    expect(thrown(nested(5000))).toMatchObject({ code: "validation_error", status: 400, details: [{ issue: expect.stringMatching(/nested/) }] });
    expect(thrown('{"amount":1,"amount":1e309}')).toMatchObject({ code: "validation_error", details: [{ field: "amount", issue: "duplicate key" }] });
  });
});
