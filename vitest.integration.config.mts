import { defineConfig } from "vitest/config";
import path from "node:path";

// HTTP integration tests against the real app (started once by global-setup) on a
// fresh database: PGlite by default, PostgreSQL with TEST_DATABASE=postgres.
export default defineConfig({
  resolve: { alias: { "@": path.resolve(__dirname) } },
  test: {
    include: ["tests/integration/**/*.test.ts"],
    globalSetup: ["tests/integration/support/global-setup.ts"],
    environment: "node",
    testTimeout: 60_000,
    hookTimeout: 240_000,
    fileParallelism: false,
  },
});
