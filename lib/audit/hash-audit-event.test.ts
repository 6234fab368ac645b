import { describe, expect, it } from "vitest";
import { checkChainSegment, GENESIS_HASH, hashAuditEvent, type ChainedRow } from "./hash-audit-event";

const event = (n: number) => ({
  id: `evt_${n}`,
  orgId: "org_1",
  actorType: "system",
  actorId: null,
  actorLabel: "system",
  action: "wallet.funded",
  targetType: "agent",
  targetId: "a1",
  data: { amount: 100 * n, currency: "INR", memo: null, wallet_id: "w" },
  createdAt: new Date(Date.UTC(2026, 0, 1, 0, 0, n)),
});

function chain(length: number): ChainedRow[] {
  let prev = GENESIS_HASH;
  return Array.from({ length }, (_, i) => {
    const seq = BigInt(i + 1);
    const e = event(i + 1);
    const hash = hashAuditEvent(e, seq, prev);
    const row = { ...e, seq, prevHash: prev, hash };
    prev = hash;
    return row;
  });
}
const start = { seq: 0n, hash: GENESIS_HASH };

describe("audit hash chain", () => {
  it("accepts an intact chain, also in segments", () => {
    const rows = chain(5);
    expect(checkChainSegment(rows, start)).toEqual({ broken: null, tail: { seq: 5n, hash: rows[4].hash } });
    const first = checkChainSegment(rows.slice(0, 2), start);
    expect(checkChainSegment(rows.slice(2), first.tail).broken).toBeNull();
  });

  it("does not depend on the key order of the stored data", () => {
    const e = event(1);
    const reordered = { ...e, data: { wallet_id: "w", memo: null, currency: "INR", amount: 100 } };
    expect(hashAuditEvent(reordered, 1n, GENESIS_HASH)).toBe(hashAuditEvent(e, 1n, GENESIS_HASH));
  });

  it("points at an edited event", () => {
    const rows = chain(4);
    rows[2] = { ...rows[2], data: { ...(rows[2].data as object), amount: 1 } };
    expect(checkChainSegment(rows, start).broken).toMatchObject({ seq: "3", id: "evt_3", reason: "hash_mismatch" });
  });

  it("points at the event after a deleted one", () => {
    const rows = chain(4);
    rows.splice(1, 1);
    expect(checkChainSegment(rows, start).broken).toMatchObject({ seq: "3", reason: "sequence_gap" });
  });

  it("points at an event whose hash was recomputed after an edit (the next link breaks)", () => {
    const rows = chain(4);
    const edited = { ...rows[1], actorLabel: "someone else" };
    rows[1] = { ...edited, hash: hashAuditEvent(edited, edited.seq!, edited.prevHash!) };
    expect(checkChainSegment(rows, start).broken).toMatchObject({ seq: "3", reason: "previous_hash_mismatch" });
  });
});
