import { beforeAll, describe, expect, inject, it } from "vitest";
import { api } from "./support/http";
import { createAgent, createOrg, intentBody, setPolicy, type TestOrg } from "./support/factories";
import { eventually, ledgerAgreesWithWallet, sql } from "./support/database";

const onPostgres = inject("databaseKind") === "postgresql";
let org: TestOrg;
beforeAll(async () => {
  org = await createOrg();
});

describe.runIf(onPostgres)("capture and void on PostgreSQL", () => {
  it("the ledger shows each step and still sums to the wallet; the audit log has the amounts", async () => {
    const agent = await createAgent(org.id, 10_000_000);
    const a = (await api(agent.key, "POST", "/api/v1/intents", intentBody({ amount: 500_000 }))).body;
    const b = (await api(agent.key, "POST", "/api/v1/intents", intentBody({ amount: 200_000 }))).body;
    await api(agent.key, "POST", `/api/v1/intents/${a.id}/capture`, { amount: 420_000 });
    await api(agent.key, "POST", `/api/v1/intents/${b.id}/void`, { reason: "cancelled" });
    const lines = await sql(
      `SELECT kind, amount::int AS amount, balance_after::int AS balance FROM ledger_entries WHERE intent_id = $1 ORDER BY created_at, kind`,
      [a.id],
    );
    expect(lines).toEqual([
      { kind: "debit", amount: 500_000, balance: 9_500_000 },
      { kind: "capture", amount: 420_000, balance: 9_300_000 },
      { kind: "reversal", amount: 80_000, balance: 9_380_000 },
    ]);
    const voided = await sql(`SELECT kind, amount::int AS amount FROM ledger_entries WHERE intent_id = $1 ORDER BY created_at`, [b.id]);
    expect(voided).toEqual([
      { kind: "debit", amount: 200_000 },
      { kind: "reversal", amount: 200_000 },
    ]);
    expect(await ledgerAgreesWithWallet(agent.id)).toEqual({ balance: 9_580_000, held: 0, ledgerBalance: 9_580_000, ledgerHeld: 0 });
    const audit = await sql(`SELECT action, data FROM audit_events WHERE target_id = $1 AND action LIKE 'intent.%' ORDER BY created_at`, [a.id]);
    expect(audit.map((e) => e.action)).toEqual(["intent.submitted", "intent.decided", "intent.captured"]);
    expect(audit[2].data).toMatchObject({ approved_amount: 500_000, captured_amount: 420_000, returned_amount: 80_000, currency: "INR" });
  });

  it("a capture and a void sent at once: exactly one wins, the other is 409, and the money moves once (20 rounds)", async () => {
    const agent = await createAgent(org.id, 10_000_000);
    let balance = 10_000_000;
    for (let round = 0; round < 20; round++) {
      const intent = (await api(agent.key, "POST", "/api/v1/intents", intentBody({ amount: 100_000, reason: `race ${round}` }))).body;
      expect(intent.status).toBe("approved");
      const [capture, voided] = await Promise.all([
        api(agent.key, "POST", `/api/v1/intents/${intent.id}/capture`, { amount: 60_000 }),
        api(org.approver.key, "POST", `/api/v1/intents/${intent.id}/void`),
      ]);
      expect([capture.status, voided.status].sort()).toEqual([200, 409]);
      const loser = capture.status === 409 ? capture : voided;
      expect(loser.body.error.code).toBe("intent_already_settled");
      balance -= capture.status === 200 ? 60_000 : 0;
      const reversals = await sql(`SELECT count(*)::int AS n FROM ledger_entries WHERE intent_id = $1 AND kind = 'reversal'`, [intent.id]);
      expect(reversals[0].n).toBe(1);
    }
    expect(await ledgerAgreesWithWallet(agent.id)).toEqual({ balance, held: 0, ledgerBalance: balance, ledgerHeld: 0 });
  });

  it("the database refuses a capture above the approved amount even from a buggy caller", async () => {
    const agent = await createAgent(org.id, 10_000_000);
    const intent = (await api(agent.key, "POST", "/api/v1/intents", intentBody({ amount: 100_000 }))).body;
    await expect(sql(`UPDATE intents SET settlement = 'captured', captured_amount = 100001 WHERE id = $1`, [intent.id])).rejects.toThrow(
      /intents_captured_within_amount/,
    );
    await expect(sql(`UPDATE intents SET settlement = 'captured' WHERE id = $1`, [intent.id])).rejects.toThrow(/intents_settlement_has_amount/);
  });

  it("the sweep settles approved intents left uncaptured past the policy's time: capture or void, once, by system", async () => {
    for (const action of ["capture", "void"] as const) {
      const own = await createOrg();
      await setPolicy(own.id, (doc) => (doc.settlement = { auto_after_hours: 2, auto_action: action }));
      const old = (await api(own.agent.key, "POST", "/api/v1/intents", intentBody({ amount: 300_000 }))).body;
      const fresh = (await api(own.agent.key, "POST", "/api/v1/intents", intentBody({ amount: 100_000 }))).body;
      const captured = (await api(own.agent.key, "POST", "/api/v1/intents", intentBody({ amount: 50_000 }))).body;
      await api(own.agent.key, "POST", `/api/v1/intents/${captured.id}/capture`, { amount: 40_000 });
      await sql(`UPDATE intents SET decided_at = now() - interval '3 hours' WHERE id = ANY($1)`, [[old.id, captured.id]]);
      const settled = await eventually(
        async () => (await api(own.admin.key, "GET", `/api/v1/intents/${old.id}`)).body,
        (i) => i.settlement !== "uncaptured",
      );
      expect(settled).toMatchObject(action === "capture" ? { settlement: "captured", captured_amount: 300_000 } : { settlement: "voided", captured_amount: 0 });
      expect((await api(own.admin.key, "GET", `/api/v1/intents/${fresh.id}`)).body.settlement).toBe("uncaptured");
      expect((await api(own.admin.key, "GET", `/api/v1/intents/${captured.id}`)).body.captured_amount).toBe(40_000);
      const [event] = await sql(
        `SELECT actor_type, data FROM audit_events WHERE target_id = $1 AND action LIKE 'intent.%ed' AND action <> 'intent.decided' AND action <> 'intent.submitted'`,
        [old.id],
      );
      expect(event).toMatchObject({ actor_type: "system", data: { auto: true } });
      const balance = 10_000_000 - 100_000 - 40_000 - (action === "capture" ? 300_000 : 0);
      expect(await ledgerAgreesWithWallet(own.agent.id)).toEqual({ balance, held: 0, ledgerBalance: balance, ledgerHeld: 0 });
    }
  });
});
