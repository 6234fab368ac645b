import { describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import { AUDIT_ACTION_NAMES, AUDIT_ACTIONS, isAuditAction } from "./audit-actions";
import { auditRow, recordAuditEvent } from "./record-audit-event";

describe("audit actions", () => {
  it("stores the action's target type and its data as given", () => {
    const row = auditRow({
      orgId: "org_1",
      actor: "system",
      action: "wallet.funded",
      targetId: "a1",
      data: { wallet_id: "wal_1", amount: 500, currency: "INR", memo: null },
    });
    expect(row).toMatchObject({ org_id: "org_1", actor_type: "system", actor_label: "system", action: "wallet.funded", target_type: "agent", target_id: "a1" });
    expect(row.data).toEqual({ wallet_id: "wal_1", amount: 500, currency: "INR", memo: null });
    expect(row.id).toMatch(/^evt_/);
  });

  it("refuses data that does not match the action's schema", () => {
    const bad = { orgId: "o", actor: "system" as const, action: "wallet.funded" as const, targetId: "a" };
    expect(() => auditRow({ ...bad, data: { wallet_id: "w", amount: 1.5, currency: "INR", memo: null } })).toThrow();
    // Unknown fields are refused too, so a typo cannot slip into the record unnoticed.
    expect(() => auditRow({ ...bad, data: { wallet_id: "w", amount: 1, currency: "INR", memo: null, extra: 1 } as never })).toThrow();
  });

  it("is a closed, sorted set", () => {
    expect(AUDIT_ACTION_NAMES).toEqual([...AUDIT_ACTION_NAMES].sort());
    expect(AUDIT_ACTION_NAMES.length).toBe(Object.keys(AUDIT_ACTIONS).length);
    expect(isAuditAction("intent.decided")).toBe(true);
    expect(isAuditAction("intent.exploded")).toBe(false);
    expect(isAuditAction("toString")).toBe(false);
  });

  it("needs a transaction and a known action (checked by `npm run typecheck`)", () => {
    const neverCalled = (db: Db) => {
      // @ts-expect-error the plain client is not a transaction: the audit row must share the change's
      void recordAuditEvent(db, {
        orgId: "o",
        actor: "system",
        action: "intent.decided",
        targetId: "i",
        data: { outcome: "deny", rule: "r", reason: "x", amount: 1, currency: "INR" },
      });
      return (tx: Parameters<typeof recordAuditEvent>[0]) => {
        // @ts-expect-error an action outside the closed set
        void recordAuditEvent(tx, { orgId: "o", actor: "system", action: "intent.exploded", targetId: "i", data: {} });
        // @ts-expect-error data of the wrong shape for the action
        void recordAuditEvent(tx, { orgId: "o", actor: "system", action: "wallet.funded", targetId: "i", data: { amount: "5" } });
      };
    };
    expect(typeof neverCalled).toBe("function");
  });
});
