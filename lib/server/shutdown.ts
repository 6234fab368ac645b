import { disconnectDb } from "@/lib/db/client";
import { closeRaw } from "@/lib/db/raw-sql";
import { stopBackgroundJobs } from "@/lib/jobs/background-jobs";
import { removeServerInfo } from "./server-info";

const holder = globalThis as { __aegisShutdown?: boolean };

export function shutdownOnSignals(): void {
  if (holder.__aegisShutdown) return;
  holder.__aegisShutdown = true;
  const stop = async (signal: string) => {
    console.log(`[shutdown] ${signal}: closing the database`);
    stopBackgroundJobs();
    removeServerInfo();
    const force = setTimeout(() => process.exit(1), 10_000);
    try {
      await disconnectDb();
      await closeRaw();
    } finally {
      clearTimeout(force);
      process.exit(0);
    }
  };
  process.once("SIGTERM", () => void stop("SIGTERM"));
  process.once("SIGINT", () => void stop("SIGINT"));
}
