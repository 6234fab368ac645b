import { defineConfig } from "vitest/config";
import path from "node:path";

// The PostgreSQL failover test (`npm run test:failover`): its own clusters and app servers, no
// shared global set-up. Needs the build (scripts/start.mjs makes it when sources are newer) and
// Debian's postgresql-15, run as root or postgres.
export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
  test: {
    include: ["tests/failover/**/*.test.ts"],
    environment: "node",
    testTimeout: 400_000,
    hookTimeout: 400_000,
    fileParallelism: false,
  },
});
