import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { adminQuery, PG_ADMIN_URL } from "./pg-admin";
import { smtpTestPort, startAppServer, testPort, type AppServer } from "./app-server";

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
    dataDir: string;
    databaseKind: "pglite" | "postgresql";
    databaseUrl: string;
  }
}

/** One app per run on a fresh database: a new PGlite folder, or a new PostgreSQL database. */
export default async function setup(project: TestProject) {
  // Every app server of the run keeps its data (and server.log) under one folder, removed at the end
  // unless AEGIS_TEST_KEEP_DATA=1. The workers inherit the variable.
  const runDir = fs.mkdtempSync(path.join(os.tmpdir(), "aegis-it-run-"));
  process.env.AEGIS_TEST_RUN_DIR = runDir;
  const usePostgres = process.env.TEST_DATABASE === "postgres";
  let databaseUrl: string | null = null;
  let dbName = "";
  if (usePostgres) {
    dbName = `aegis_it_${Date.now()}`;
    await adminQuery(`CREATE DATABASE ${dbName}`);
    databaseUrl = PG_ADMIN_URL.replace(/\/[^/]*$/, `/${dbName}`);
  }
  let server: AppServer;
  try {
    server = await startAppServer({
      port: testPort(usePostgres ? 10 : 0),
      databaseUrl,
      env: {
        AEGIS_SWEEP_INTERVAL_MS: "1000",
        AEGIS_RATE_LIMIT_PER_MINUTE: "300",
        // Webhooks: loopback receivers allowed, fast retries in a short window (see tests/integration/webhooks.test.ts).
        AEGIS_WEBHOOK_ALLOW_PRIVATE_URLS: "1",
        AEGIS_WEBHOOK_POLL_MS: "200",
        AEGIS_WEBHOOK_RETRY_BASE_MS: "300",
        AEGIS_WEBHOOK_RETRY_MAX_DELAY_MS: "2000",
        AEGIS_WEBHOOK_RETRY_WINDOW_MS: "8000",
        // Email goes to the in-process SMTP server of tests/integration/notifications.test.ts.
        SMTP_URL: `smtp://127.0.0.1:${smtpTestPort()}`,
        AEGIS_PUBLIC_URL: "http://aegis.test",
        AEGIS_ADMIN_CHANNEL: "1", // the factories create data through it, on PostgreSQL too
        AEGIS_LONGPOLL_PER_KEY: "4",
        AEGIS_DASHBOARD_RATE_LIMIT_PER_MINUTE: "200",
      },
    });
  } catch (e) {
    if (dbName) await adminQuery(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
    throw e;
  }
  project.provide("baseUrl", server.baseUrl);
  project.provide("dataDir", server.dataDir);
  project.provide("databaseKind", usePostgres ? "postgresql" : "pglite");
  project.provide("databaseUrl", databaseUrl ?? "");
  return async () => {
    await server.stop();
    if (process.env.AEGIS_TEST_KEEP_DATA !== "1") fs.rmSync(runDir, { recursive: true, force: true });
    if (dbName) await adminQuery(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
  };
}
