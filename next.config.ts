import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // PGlite and pg load WASM/native files at run time: they must not be bundled. Kysely is loaded
  // once from node_modules too, so every route shares one copy of the typed layer's classes.
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter", "pg", "@prisma/adapter-pg", "kysely"],
  poweredByHeader: false,
  typedRoutes: false,
};

export default nextConfig;
