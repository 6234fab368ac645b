import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { inject } from "vitest";

const repo = path.resolve(import.meta.dirname, "..", "..", "..");

describe("generated files", () => {
  it("are what npm run sdk:generate makes of the live /api/v1/openapi.json (types, operations, and the Python SDK's)", () => {
    const run = spawnSync(path.join(repo, "node_modules", ".bin", "tsx"), ["scripts/generate-sdks.ts", "--check", inject("baseUrl")], {
      cwd: repo,
      encoding: "utf8",
    });
    // On failure the API changed: run `npm run sdk:generate` at the repository root and commit the result.
    expect(run.stderr + run.stdout).toMatch(/generated SDK files match/);
    expect(run.status).toBe(0);
  });
});
