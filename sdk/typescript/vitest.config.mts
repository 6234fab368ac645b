import path from "node:path";
import { defineConfig } from "vitest/config";

// The SDK's tests run the built package (dist/, built by the test step first) against the
// real app, started once on a fresh embedded database.
export default defineConfig({
  resolve: { alias: { "@aegis-os/sdk": path.resolve(import.meta.dirname, "dist/esm/index.js") } },
  test: {
    root: import.meta.dirname,
    include: ["test/**/*.test.ts"],
    globalSetup: ["test/support/global-setup.ts"],
    environment: "node",
    testTimeout: 60_000,
    hookTimeout: 240_000,
    fileParallelism: false,
  },
});
