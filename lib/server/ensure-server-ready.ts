import { sealPlainSecrets } from "@/lib/crypto/seal-plain-secrets";
import { databaseKind } from "@/lib/db/config";
import { getDb } from "@/lib/db/client";
import { migrate } from "@/lib/db/migrate";
import { startBackgroundJobs } from "@/lib/jobs/background-jobs";
import { seedDemoIfEmpty } from "@/lib/demo/seed-demo";
import { writeServerInfo } from "./server-info";
import { env, publicUrl } from "@/lib/env";

const holder = globalThis as { __aegisReady?: Promise<void> };

/**
 * Start-up, once per process: migrate, seal any secret still stored in the clear, seed the
 * demo on an empty embedded database,
 * record where this server listens (so the CLI goes through it instead of writing
 * beside it), then start the recovery/expiry sweeps. API wrappers await it too, so a
 * request that arrives during start-up waits instead of meeting an unmigrated database.
 */
export function ensureServerReady(): Promise<void> {
  if (!holder.__aegisReady) {
    holder.__aegisReady = (async () => {
      const applied = await migrate();
      if (applied.length) console.log(`[startup] applied migrations: ${applied.join(", ")}`);
      const db = await getDb();
      await sealPlainSecrets(db);
      writeServerInfo();
      if (databaseKind() === "pglite" && env().AEGIS_DEMO) await seedDemoIfEmpty(db, publicUrl());
      if (!env().AEGIS_DISABLE_JOBS) startBackgroundJobs();
      console.log(`[startup] ready on ${databaseKind()}`);
    })();
    holder.__aegisReady.catch((e) => {
      console.error("[startup] failed:", e);
      holder.__aegisReady = undefined;
    });
  }
  return holder.__aegisReady;
}
