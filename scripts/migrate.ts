// `npm run db:migrate`: apply prisma/migrations to the configured database (offline).
// On the embedded database it refuses while a server is running: PGlite does not lock
// its folder, and the server applies migrations itself at start-up anyway.
import { databaseKind } from "@/lib/db/config";
import { migrate } from "@/lib/db/migrate";
import { closeRaw } from "@/lib/db/raw-sql";
import { runningServer } from "@/lib/server/server-info";

const server = databaseKind() === "pglite" ? runningServer() : null;
if (server) {
  console.error(`A server (pid ${server.pid}, ${server.url}) is using the embedded database; it migrated it at start-up. Stop it to run migrations by hand.`);
  process.exit(1);
}
try {
  const applied = await migrate();
  console.log(applied.length ? `Applied ${applied.length} migration(s): ${applied.join(", ")}` : `The ${databaseKind()} database is up to date.`);
} catch (e) {
  console.error((e as Error).message);
  process.exitCode = 1;
} finally {
  await closeRaw();
}
process.exit();
