import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // PGlite and pg load WASM/native files at run time: they must not be bundled.
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter", "pg", "@prisma/adapter-pg"],
  poweredByHeader: false,
  typedRoutes: false,
};

export default nextConfig;
