import { inject } from "vitest";
import { adminQuery, PG_ADMIN_URL } from "./pg-admin";
import { startAppServer, type AppServer } from "./app-server";

/**
 * An app of the test's own, with its own settings, on a fresh database of the suite's kind (a new
 * PGlite folder, or a new PostgreSQL database dropped by `stop`), so no other server's background
 * workers touch its data. The factories reach it with `{ app }` (admin channel open).
 */
export async function startOwnApp(port: number, env: Record<string, string>): Promise<AppServer> {
  if (inject("databaseKind") !== "postgresql") return startAppServer({ port, env: { AEGIS_DEMO: "0", AEGIS_SKIP_BUILD: "1", ...env } });
  const name = `aegis_it_own_${Date.now()}_${port}`;
  await adminQuery(`CREATE DATABASE ${name}`);
  const server = await startAppServer({
    port,
    databaseUrl: PG_ADMIN_URL.replace(/\/[^/]*$/, `/${name}`),
    env: { AEGIS_ADMIN_CHANNEL: "1", AEGIS_SKIP_BUILD: "1", ...env },
  });
  return {
    ...server,
    stop: async () => {
      await server.stop();
      await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}
