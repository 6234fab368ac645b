import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildOpenApiDocument } from "@/lib/api/openapi";
// @ts-expect-error a plain .mjs script of the SDK, shared with its generator
import { typesFromDocument } from "../../sdk/typescript/scripts/openapi-types.mjs";

// The TypeScript SDK's types are generated from the OpenAPI document; this catches an API
// change before landing (the SDK's own suite checks them against a running server too).
describe("TypeScript SDK types", () => {
  it("match the OpenAPI document (after changing the API: npm run sdk:types, then commit)", async () => {
    const checkedIn = fs.readFileSync(path.join(import.meta.dirname, "../../sdk/typescript/src/generated/openapi.ts"), "utf8");
    expect(checkedIn).toBe(await typesFromDocument(buildOpenApiDocument("http://localhost:3000")));
  }, 30_000);
});
