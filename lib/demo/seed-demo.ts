import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { createDemoOrganization } from "./demo-agents";
import { DEMO_PASSWORD, DEMO_USERS } from "./demo-catalog";
import { playDemoHistory } from "./demo-history";
import { buildDemoPlan } from "./demo-plan";
import { alignHistoryTimes, backdateSetup, resealDemoChain } from "./demo-retime";
import { formatDemoCredentials, writeDemoCredentials, type DemoCredentials } from "./write-demo-credentials";

export { DEMO_PASSWORD } from "./demo-catalog";

export type DemoSeedResult = {
  credentials: DemoCredentials;
  credentials_file: string;
  intents: Record<string, number>;
  pending_approvals: number;
  seconds: number;
};

const DAY = 86_400_000;

/**
 * Seeds the demo organisation (Acme Finance) with a month of history into an empty
 * database and writes the credentials file. Refuses when any organisation exists.
 */
export async function seedDemo(db: Db, baseUrl: string): Promise<DemoSeedResult> {
  const started = Date.now();
  if ((await db.organization.count()) > 0) {
    throw new AppError("conflict", "The database already has an organisation; the demo is only seeded into an empty database");
  }
  const now = new Date();
  const setup = await createDemoOrganization(db);
  await backdateSetup(
    db,
    setup.org.id,
    new Date(now.getTime() - 31 * DAY),
    Object.values(setup.agents).map((a) => a.id),
    Object.values(setup.principals).map((p) => p.userId),
  );
  const historyStarted = new Date();
  await playDemoHistory(db, setup, buildDemoPlan(now), now);
  await alignHistoryTimes(db, setup.org.id, historyStarted);
  // The chainer may have sealed events before they were moved to their time: seal them again.
  await resealDemoChain(db, setup.org.id);

  const credentials: DemoCredentials = {
    base_url: baseUrl,
    organisation: setup.org,
    users: DEMO_USERS.map((u) => ({ email: u.email, password: DEMO_PASSWORD, role: u.role })),
    agent_keys: setup.agentKeys,
    user_keys: setup.userKeys,
  };
  const file = writeDemoCredentials(credentials);
  const grouped = await db.intent.groupBy({ by: ["status"], where: { orgId: setup.org.id }, _count: { _all: true } });
  const pending = await db.approval.count({ where: { orgId: setup.org.id, status: "pending" } });
  return {
    credentials,
    credentials_file: file,
    intents: Object.fromEntries(grouped.map((g) => [g.status, g._count._all])),
    pending_approvals: pending,
    seconds: Math.round((Date.now() - started) / 100) / 10,
  };
}

/** Start-up hook of the embedded database: seed once, on first start, and show the credentials. */
export async function seedDemoIfEmpty(db: Db, baseUrl: string): Promise<void> {
  if ((await db.organization.count()) > 0) return;
  const result = await seedDemo(db, baseUrl);
  console.log(`[demo] seeded ${DEMO_USERS.length} users, ${result.credentials.agent_keys.length} agents and a month of history in ${result.seconds}s`);
  console.log(formatDemoCredentials(result.credentials, result.credentials_file));
}
