// Drives Prisma's schema engine (the wasm build from npm: the native one cannot be
// downloaded here) to diff the migrations folder against schema.prisma.
// The shadow database is always an in-memory PGlite: never a real server, because the
// pg adapter's shadow pool silently connects to the main database.
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import { pgliteExtensions } from "../lib/db/pglite-extensions";

const require = createRequire(import.meta.url);
const root = path.resolve(import.meta.dirname, "..");
export const migrationsDir = path.join(root, "prisma", "migrations");
const schemaPath = path.join(root, "prisma", "schema.prisma");

type Engine = {
  diff(params: unknown): Promise<{ exitCode: number; stdout: string | null }>;
};

async function loadEngine(): Promise<Engine> {
  const bg = await import("@prisma/schema-engine-wasm/schema_engine_bg");
  const pkgDir = path.dirname(require.resolve("@prisma/schema-engine-wasm/schema_engine_bg"));
  const wasmModule = new WebAssembly.Module(fs.readFileSync(path.join(pkgDir, "schema_engine_bg.wasm")));
  const instance = new WebAssembly.Instance(wasmModule, { "./schema_engine_bg.js": bg });
  bg.__wbg_set_wasm(instance.exports);
  (instance.exports as { __wbindgen_start: () => void }).__wbindgen_start();
  const schema = fs.readFileSync(schemaPath, "utf8");
  const extensions = await pgliteExtensions();
  const factory = new PrismaPGlite(new PGlite({ extensions }));
  // The adapter's own shadow is a bare PGlite; ours loads the extensions the migrations create.
  const shadow = new PrismaPGlite(new PGlite({ extensions }));
  factory.connectToShadowDb = () => shadow.connect();
  const adapter = bindMigrationAwareSqlAdapterFactory(factory);
  return bg.SchemaEngine.new({ datamodels: [[schemaPath, schema]] }, () => {}, adapter);
}

function migrationList() {
  const dirs = fs.existsSync(migrationsDir)
    ? fs
        .readdirSync(migrationsDir)
        .filter((d) => fs.statSync(path.join(migrationsDir, d)).isDirectory())
        .sort()
    : [];
  const lockPath = path.join(migrationsDir, "migration_lock.toml");
  return {
    baseDir: migrationsDir,
    lockfile: { path: "migration_lock.toml", content: fs.existsSync(lockPath) ? fs.readFileSync(lockPath, "utf8") : null },
    shadowDbInitScript: "",
    migrationDirectories: dirs.map((d) => ({
      path: d,
      migrationFile: {
        path: "migration.sql",
        content: { tag: "ok", value: fs.readFileSync(path.join(migrationsDir, d, "migration.sql"), "utf8") },
      },
    })),
  };
}

/** SQL that takes a database at the end of the migrations folder to schema.prisma ("" when they agree). */
export async function diffMigrationsToSchema(): Promise<string> {
  const engine = await loadEngine();
  const schema = fs.readFileSync(schemaPath, "utf8");
  const result = await engine.diff({
    from: { tag: "migrations", ...migrationList() },
    to: { tag: "schemaDatamodel", files: [{ path: schemaPath, content: schema }] },
    script: true,
    exitCode: true,
    filters: { externalTables: [], externalEnums: [] },
  });
  const sql = (result.stdout ?? "").trim();
  return sql === "-- This is an empty migration." ? "" : sql;
}

// CLI: `tsx scripts/schema-diff.ts` prints the diff; `--create NAME` writes a new migration.
if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  const sql = await diffMigrationsToSchema();
  const nameIdx = process.argv.indexOf("--create");
  if (nameIdx > 0 && sql) {
    const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
    const dir = path.join(migrationsDir, `${stamp}_${process.argv[nameIdx + 1] ?? "change"}`);
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, "migration.sql"), sql + "\n");
    console.log(`wrote ${path.relative(root, dir)}/migration.sql`);
  } else {
    console.log(sql || "schema.prisma and prisma/migrations agree");
  }
  process.exit(0);
}
