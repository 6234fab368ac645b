import { describe, expect, it } from "vitest";
import { ENV_NAMES } from "@/lib/env";
import { envReads, sourceFiles } from "./support/source-files";

/**
 * Structural rules of ARCHITECTURE.md that a reviewer would otherwise have to remember.
 * Each names the files that break it.
 */
describe("environment variables", () => {
  it("are read only in lib/env.ts (app/, components/, lib/, proxy.ts, instrumentation.ts, scripts/*.ts)", () => {
    const files = [
      ...sourceFiles("app"),
      ...sourceFiles("components"),
      ...sourceFiles("lib"),
      "proxy.ts",
      "instrumentation.ts",
      ...sourceFiles("scripts").filter((f) => f.endsWith(".ts")),
    ];
    // NEXT_RUNTIME is Next's own signal of which runtime loads the hook, not configuration.
    const allowed: Record<string, string[]> = { "instrumentation.ts": ["NEXT_RUNTIME"] };
    const offenders = files
      .filter((f) => f !== "lib/env.ts" && !f.endsWith(".test.ts"))
      .flatMap((f) =>
        envReads(f)
          .filter((name) => !(allowed[f] ?? []).includes(name))
          .map((name) => `${f}: process.env.${name}`),
      );
    expect(offenders).toEqual([]);
  });

  it("that scripts/start.mjs reads (plain Node, before TypeScript loads) are in the schema too", () => {
    // NODE_OPTIONS is Node's own; start.mjs only appends the request guard to it.
    const read = envReads("scripts/start.mjs").filter((n) => n !== "*" && n !== "NODE_OPTIONS");
    expect(read.length).toBeGreaterThan(3);
    expect(read.filter((n) => !(ENV_NAMES as string[]).includes(n))).toEqual([]);
  });
});
