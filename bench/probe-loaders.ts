// Times the dashboard's heavy loaders in-process on a seeded database, without the page render:
// `DATABASE_URL=postgres://… npx tsx bench/probe-loaders.ts DATA_DIR [runs]`. For finding where a
// slow page spends its time (bench/volume-run.ts times the whole page).
import fs from "node:fs";
import path from "node:path";
import { getDb, disconnectDb } from "@/lib/db/client";
import type { UserPrincipal } from "@/lib/auth/principal";
import { loadInbox, countInbox } from "@/lib/approvals/load-inbox";
import { parseInboxQuery } from "@/lib/approvals/inbox-query";
import { ageUncaptured } from "@/lib/intents/age-uncaptured";
import { loadSettlementSummary } from "@/lib/intents/load-settlement-summary";
import { listSettlementGaps } from "@/lib/intents/list-settlement-gaps";
import { reconciliationRange } from "@/lib/intents/reconciliation-range";
import { loadSpendDashboard } from "@/lib/counters/load-spend-dashboard";
import { loadSpendByDimension } from "@/lib/counters/load-spend-by-dimension";
import { countUnreadNotifications } from "@/lib/notifications/list-notifications";
import { listIntentsPage } from "@/lib/intents/list-intents-page";

const dataDir = process.argv[2];
const runs = Number(process.argv[3] ?? 5);
const creds = JSON.parse(fs.readFileSync(path.join(dataDir, "demo-credentials.json"), "utf8"));
const db = await getDb();
const orgId: string = creds.organisation.id;
const user = await db.user.findFirstOrThrow({ where: { orgId, email: "admin@acme.test" } });
const admin: UserPrincipal = { kind: "user", orgId, userId: user.id, role: "admin", email: user.email, keyId: null, label: user.email };
const org = await db.organization.findUniqueOrThrow({ where: { id: orgId } });
const probes: [string, () => Promise<unknown>][] = [
  ["inbox", () => loadInbox(db, admin, parseInboxQuery({}, org.currency))],
  ["inbox newest", () => loadInbox(db, admin, parseInboxQuery({ sort: "newest" }, org.currency))],
  ["inbox others", () => loadInbox(db, admin, parseInboxQuery({ view: "others" }, org.currency))],
  ["inbox count", () => countInbox(db, admin)],
  ["unread notifications", () => countUnreadNotifications(db, admin.userId)],
  ["ageing", () => ageUncaptured(db, orgId)],
  ["settlement summary", () => loadSettlementSummary(db, orgId)],
  ["settlement gaps", () => listSettlementGaps(db, orgId, 100, reconciliationRange({}))],
  ["spend dashboard", () => loadSpendDashboard(db, orgId, org.currency, org.timeZone)],
  ["spend by merchant", () => loadSpendByDimension(db, orgId, org.currency, org.timeZone, "merchant")],
  ["intents, rejected", () => listIntentsPage(db, admin, { limit: 50, state: "rejected" }, org.currency)],
  ["intents search, amount", () => listIntentsPage(db, admin, { limit: 50, q: "9999" }, org.currency)],
  ["intents search, merchant", () => listIntentsPage(db, admin, { limit: 50, q: "aws" }, org.currency)],
];
const only = process.env.PROBE ? new RegExp(process.env.PROBE) : null;
for (const [name, f] of probes) {
  if (only && !only.test(name)) continue;
  await f();
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await f();
    ms.push(performance.now() - t);
  }
  ms.sort((a, b) => a - b);
  console.log(`${name.padEnd(28)} p50 ${ms[Math.floor(runs / 2)].toFixed(1).padStart(7)} ms   max ${ms.at(-1)!.toFixed(1).padStart(7)} ms`);
}
await disconnectDb();
