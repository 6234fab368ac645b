import { defineConfig } from "vitest/config";
import path from "node:path";

export default defineConfig({
  resolve: { alias: { "@": path.resolve(__dirname) } },
  test: {
    include: ["lib/**/*.test.ts", "tests/unit/**/*.test.ts", "tests/domain/**/*.test.ts"],
    environment: "node",
    // tests/domain run the domain verbs on a real PGlite in process: a test of several
    // transactions takes seconds on a loaded 2-core CI machine (a 6.2 s four-eyes test once failed
    // the 5 s default). Pure unit tests finish in milliseconds either way.
    testTimeout: 30_000,
  },
});
