import { PrismaPg } from "@prisma/adapter-pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { enqueueEvent } from "@/lib/webhooks/enqueue-event";
import { sql } from "./support/database";
import { api } from "./support/http";
import { createOrg, type TestOrg } from "./support/factories";
import { startReceiver, waitFor } from "./support/webhook-receiver";

const onPostgres = inject("databaseKind") === "postgresql";

/**
 * The outbox promise, checked on the real database beside the running app: an event
 * enqueued by a transaction that rolls back is never delivered, one that commits is —
 * by the app's worker, which did not take part in either transaction.
 */
describe.runIf(onPostgres)("webhook outbox", () => {
  let org: TestOrg;
  let prisma: PrismaClient;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  beforeAll(async () => {
    org = await createOrg();
    receiver = await startReceiver();
    prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: inject("databaseUrl") }) });
  });
  afterAll(async () => {
    await prisma.$disconnect();
    await receiver.stop();
  });

  it("delivers nothing for a rolled-back transaction", async () => {
    const ep = await api(org.admin.key, "POST", "/api/v1/webhook-endpoints", { url: receiver.url, events: ["agent.suspended"] });
    receiver.state.secrets.push(ep.body.secret);
    await expect(
      prisma.$transaction(async (tx) => {
        await enqueueEvent(tx, { orgId: org.id, type: "agent.suspended", data: { marker: "rolled-back" } });
        throw new Error("the change failed after the event was written");
      }),
    ).rejects.toThrow(/change failed/);
    await prisma.$transaction((tx) => enqueueEvent(tx, { orgId: org.id, type: "agent.suspended", data: { marker: "committed" } }));

    const committed = await waitFor(() => receiver.received.find((r) => r.data.marker === "committed"));
    expect(committed.verified).toBe(true);
    expect(receiver.received.filter((r) => r.data.marker === "rolled-back")).toEqual([]);
    expect(await sql(`SELECT id FROM webhook_events WHERE org_id = $1 AND data->>'marker' = 'rolled-back'`, [org.id])).toEqual([]);
  });

  it("writes nothing when no endpoint wants the event", async () => {
    const other = await createOrg();
    await prisma.$transaction((tx) => enqueueEvent(tx, { orgId: other.id, type: "intent.decided", data: { marker: "nobody" } }));
    expect(await sql(`SELECT count(*)::int AS n FROM webhook_events WHERE org_id = $1`, [other.id])).toEqual([{ n: 0 }]);
  });
});
