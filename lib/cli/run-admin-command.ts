import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import type { AdminArgs } from "./admin-command-args";
import { ADMIN_COMMANDS } from "./admin-commands";

export type { AdminArgs } from "./admin-command-args";

/** One usage line per command, for `aegis --help` and unknown-command errors. */
export const adminUsage = () => Object.values(ADMIN_COMMANDS).map((c) => c.usage);

/**
 * Runs one admin command (`["agent", "create"]` plus its options) as the "system" actor
 * and returns a JSON-able result. The CLI calls it directly, or the running embedded
 * server calls it for the CLI (app/api/internal/admin). Options never name files: the
 * CLI reads `--file` itself and passes the parsed document as `policy`.
 */
export async function runAdminCommand(db: Db, command: string[], args: AdminArgs): Promise<unknown> {
  const name = command.join(" ");
  const entry = Object.hasOwn(ADMIN_COMMANDS, name) ? ADMIN_COMMANDS[name] : undefined;
  if (!entry) {
    throw new AppError("validation_error", `Unknown command "${name || "(none)"}". Commands:\n  ${adminUsage().join("\n  ")}`);
  }
  return entry.run(db, args);
}
