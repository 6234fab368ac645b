import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { inject } from "vitest";
// @ts-expect-error the generator is a plain .mjs script
import { typesFromDocument } from "../scripts/openapi-types.mjs";

describe("generated types", () => {
  it("src/generated/openapi.ts is what openapi-typescript makes of the live /api/v1/openapi.json", async () => {
    const doc = await (await fetch(`${inject("baseUrl")}/api/v1/openapi.json`)).json();
    const checkedIn = fs.readFileSync(path.join(import.meta.dirname, "..", "src", "generated", "openapi.ts"), "utf8");
    // On failure the API changed: run `npm run sdk:types` at the repository root and commit the result.
    expect(checkedIn).toBe(await typesFromDocument(doc));
  });

  it("every operation the SDK calls is in the document", async () => {
    const doc = await (await fetch(`${inject("baseUrl")}/api/v1/openapi.json`)).json();
    const ids = Object.values(doc.paths as Record<string, Record<string, { operationId?: string }>>).flatMap((p) => Object.values(p).map((o) => o.operationId));
    for (const id of [
      "submitIntent",
      "getIntent",
      "listIntents",
      "captureIntent",
      "voidIntent",
      "listApprovals",
      "respondToApproval",
      "listAgents",
      "getAgent",
    ]) {
      expect(ids).toContain(id);
    }
  });
});
