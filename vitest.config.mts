import { defineConfig } from "vitest/config";
import path from "node:path";

export default defineConfig({
  resolve: { alias: { "@": path.resolve(__dirname) } },
  test: {
    include: ["lib/**/*.test.ts", "tests/unit/**/*.test.ts", "tests/domain/**/*.test.ts"],
    environment: "node",
  },
});
