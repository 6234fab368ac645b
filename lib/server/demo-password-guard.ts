import bcrypt from "bcryptjs";
import { disconnectDb, type Db } from "@/lib/db/client";
import { DEMO_PASSWORD, DEMO_USERS } from "@/lib/demo/demo-catalog";

/** Loopback addresses: only this machine can connect. Anything else (`::`, `0.0.0.0`, a LAN address) serves the network. */
const LOOPBACK = /^(127\.\d{1,3}\.\d{1,3}\.\d{1,3}|::1|::ffff:127\.\d{1,3}\.\d{1,3}\.\d{1,3}|localhost)$/i;
export const servesNetwork = (address: string) => !LOOPBACK.test(address.trim());

/** The demo people (active) who still sign in with the published password. */
export async function demoUsersWithPublishedPassword(db: Db): Promise<string[]> {
  const users = await db.user.findMany({
    where: { email: { in: DEMO_USERS.map((u) => u.email) }, deactivatedAt: null, passwordHash: { not: null } },
    select: { email: true, passwordHash: true },
    orderBy: { email: "asc" },
  });
  const live = await Promise.all(users.map(async (u) => ((await bcrypt.compare(DEMO_PASSWORD, u.passwordHash!)) ? u.email : null)));
  return live.filter((e): e is string => e !== null);
}

export function demoPasswordRefusal(address: string, emails: string[]): string {
  return [
    `[startup] REFUSING TO START: this server listens on ${address}, which serves the network, and the demo people still sign in`,
    `[startup] with the published password "${DEMO_PASSWORD}": ${emails.join(", ")}.`,
    "[startup] Fix one of these and start again:",
    "[startup]   - listen on this machine only: HOSTNAME=127.0.0.1 (the default of npm start and npm run dev);",
    "[startup]   - start with AEGIS_DEMO=0 on an empty data folder (no demo organisation is created);",
    "[startup]   - change their passwords with the CLI while the server is stopped (or deactivate them), e.g.",
    ...emails.map((e) => `[startup]       npm run aegis -- user password --email ${e} --password '<a new one>'`),
  ].join("\n");
}

/**
 * Issue 17, item 1: the published demo password never opens anything on a network. Called
 * at start-up by instrumentation.ts (so `npm start`, `next start` and `next dev` alike) with
 * every address the server listens on, from the request guard (scripts/request-guard.mjs):
 * when one serves the network and a demo person still has the published password, the
 * message says how to fix it and the process exits before answering anyone.
 */
export async function refuseDemoPasswordOnNetwork(db: Db, addresses: string[]): Promise<void> {
  const exposed = addresses.find(servesNetwork);
  if (!exposed) return;
  const emails = await demoUsersWithPublishedPassword(db);
  if (emails.length === 0) return;
  console.error(demoPasswordRefusal(exposed, emails));
  await disconnectDb(); // an unclosed embedded database would run crash recovery at the next start
  process.exit(1);
}
