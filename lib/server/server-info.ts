import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { dataDir } from "@/lib/db/config";
import { env } from "@/lib/env";
import { secureDataDir } from "@/lib/db/secure-data-dir";

/**
 * PGlite does not lock its folder, so a second process must never write to it while the
 * server runs. The server records its pid and URL in the data folder, plus a random
 * admin token (mode 0600) that lets the CLI send its commands through the server. Anyone
 * who can read the folder can read the database itself, so the token grants nothing new.
 */
export type ServerInfo = { pid: number; url: string; started_at: string };

export const serverInfoPath = () => path.join(dataDir(), "server.json");
export const adminTokenPath = () => path.join(dataDir(), "admin-token");

export function writeServerInfo(): void {
  secureDataDir(dataDir());
  const info: ServerInfo = { pid: process.pid, url: `http://127.0.0.1:${env().PORT}`, started_at: new Date().toISOString() };
  // writeFileSync's mode applies only when it creates the file: chmod on every write.
  fs.writeFileSync(adminTokenPath(), crypto.randomBytes(32).toString("hex"), { mode: 0o600 });
  fs.chmodSync(adminTokenPath(), 0o600);
  fs.writeFileSync(serverInfoPath(), JSON.stringify(info, null, 2), { mode: 0o600 });
  fs.chmodSync(serverInfoPath(), 0o600);
}

export function removeServerInfo(): void {
  try {
    const info = readServerInfo();
    if (info?.pid === process.pid) fs.rmSync(serverInfoPath(), { force: true });
  } catch {
    /* shutting down anyway */
  }
}

export function readServerInfo(): ServerInfo | null {
  try {
    return JSON.parse(fs.readFileSync(serverInfoPath(), "utf8")) as ServerInfo;
  } catch {
    return null;
  }
}

/** The running embedded server, if its recorded process is alive. */
export function runningServer(): ServerInfo | null {
  const info = readServerInfo();
  if (!info) return null;
  try {
    process.kill(info.pid, 0);
    return info;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM" ? info : null;
  }
}

export function readAdminToken(): string | null {
  try {
    return fs.readFileSync(adminTokenPath(), "utf8").trim();
  } catch {
    return null;
  }
}
