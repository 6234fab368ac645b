import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";

const sdk = path.resolve(import.meta.dirname, "..");
const npm = (args: string[], cwd: string) =>
  execFileSync("npm", [...args, "--offline", "--no-audit", "--no-fund", "--loglevel=error"], { cwd, encoding: "utf8" });

describe("the package", () => {
  it("has no runtime dependencies and packs offline into ESM and CommonJS builds", () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(sdk, "package.json"), "utf8"));
    expect(pkg.name).toBe("@aegis-os/sdk");
    expect(pkg.dependencies ?? {}).toEqual({});
    expect(pkg.engines.node).toBe(">=18");

    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "aegis-sdk-pack-"));
    try {
      // prepack builds with the repository's TypeScript: nothing is downloaded.
      const out = npm(["pack", "--json", "--pack-destination", tmp], sdk);
      const [packed] = JSON.parse(out.slice(out.search(/^\[/m)));
      const files = packed.files.map((f: { path: string }) => f.path);
      for (const f of [
        "package.json",
        "README.md",
        "dist/esm/index.js",
        "dist/esm/index.d.ts",
        "dist/cjs/index.js",
        "dist/cjs/index.d.ts",
        "dist/cjs/package.json",
      ])
        expect(files).toContain(f);
      expect(files.filter((f: string) => f.startsWith("src/") || f.startsWith("test/"))).toEqual([]);

      // A fresh project installs the tarball with no network and loads it both ways.
      const app = path.join(tmp, "app");
      fs.mkdirSync(app);
      fs.writeFileSync(path.join(app, "package.json"), JSON.stringify({ name: "app", version: "1.0.0", private: true }));
      npm(["install", path.join(tmp, packed.filename)], app);
      const cjs = execFileSync(
        process.execPath,
        [
          "-e",
          "const s = require('@aegis-os/sdk'); console.log(typeof s.AegisClient, typeof s.verifyWebhook, new s.AegisTimeoutError('x') instanceof s.AegisError)",
        ],
        { cwd: app, encoding: "utf8" },
      );
      expect(cjs.trim()).toBe("function function true");
      const esm = execFileSync(
        process.execPath,
        [
          "--input-type=module",
          "-e",
          "import { AegisClient, AegisNotFoundError } from '@aegis-os/sdk'; console.log(new AegisClient({ apiKey: 'k', baseUrl: 'http://x/' }).baseUrl, AegisNotFoundError.name)",
        ],
        { cwd: app, encoding: "utf8" },
      );
      expect(esm.trim()).toBe("http://x AegisNotFoundError");
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });
});
