import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { ENV_NAMES } from "@/lib/env";
import { envReads, importsOf, prismaCalls, prismaModels, resolveImport, sourceFiles } from "./support/source-files";

/**
 * Structural rules of ARCHITECTURE.md that a reviewer would otherwise have to remember.
 * Each names the files that break it.
 */
describe("environment variables", () => {
  it("are read only in lib/env.ts (app/, components/, lib/, proxy.ts, instrumentation.ts, scripts/*.ts)", { timeout: 60_000 }, () => {
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

  it("that scripts/start.mjs reads (plain Node, before TypeScript loads) are in the schema too", { timeout: 60_000 }, () => {
    // NODE_OPTIONS is Node's own; start.mjs only appends the request guard to it.
    const read = envReads("scripts/start.mjs").filter((n) => n !== "*" && n !== "NODE_OPTIONS");
    expect(read.length).toBeGreaterThan(3);
    expect(read.filter((n) => !(ENV_NAMES as string[]).includes(n))).toEqual([]);
  });
});

describe("the app/ layer", () => {
  // The CLI's channel into the running server and the health probe are plumbing, not pages.
  const PLUMBING = /^app\/api\/(internal|health)\//;
  const appFiles = sourceFiles("app").filter((f) => !PLUMBING.test(f));

  it("never touches the Prisma client: pages, handlers and actions call lib/ loaders and verbs", { timeout: 60_000 }, () => {
    const models = prismaModels();
    expect(models.has("agent") && models.has("ledgerEntry")).toBe(true);
    const offenders = appFiles.flatMap((f) => [
      ...importsOf(f)
        .filter((s) => /generated\/prisma|@prisma\/client|lib\/db\/(client|raw-sql)$/.test(s))
        .map((s) => `${f}: imports ${s}`),
      ...prismaCalls(f, models).map((c) => `${f}: calls ${c}`),
    ]);
    expect(offenders).toEqual([]);
  });

  it(
    "has no dashboard section importing another's files (shared UI is in components/, shared actions in app/(dashboard)/_actions/)",
    { timeout: 60_000 },
    () => {
      const DASH = "app/(dashboard)/";
      const section = (f: string) => (f.startsWith(DASH) ? DASH + f.slice(DASH.length).split("/")[0] : f.split("/").slice(0, 2).join("/"));
      const offenders = sourceFiles("app").flatMap((f) => {
        if (!f.startsWith(DASH) || !f.slice(DASH.length).includes("/")) return []; // the layout and its root files frame every section
        const own = section(f);
        return importsOf(f)
          .map((s) => resolveImport(f, s))
          .filter((target) => target.startsWith("app/") && !target.startsWith(own + "/") && !target.startsWith(DASH + "_actions/"))
          .map((target) => `${f} imports ${target}`);
      });
      expect(offenders).toEqual([]);
    },
  );
});

describe("the brand colours", () => {
  // Tailwind drops a class whose colour the theme lacks without a word: the text then inherits
  // (white on white for the inbox's active tab before brand-800 was defined).
  it("used in app/ and components/ are all defined in app/globals.css", () => {
    const css = fs.readFileSync("app/globals.css", "utf8");
    const defined = new Set([...css.matchAll(/--color-brand-(\d+):/g)].map((m) => m[1]));
    const used = [...sourceFiles("app"), ...sourceFiles("components")]
      .filter((f) => f.endsWith(".tsx") || f.endsWith(".ts"))
      .flatMap((f) => [...fs.readFileSync(f, "utf8").matchAll(/-brand-(\d+)\b/g)].map((m) => `${f}: brand-${m[1]}`));
    expect(used.length).toBeGreaterThan(20);
    expect(used.filter((u) => !defined.has(u.split("brand-")[1]))).toEqual([]);
  });
});
