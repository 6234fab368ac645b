import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors/app-error";
import { afterCursor, decodeCursor, encodeCursor, page } from "./keyset-cursor";

describe("keyset cursor", () => {
  const k = { createdAt: new Date("2026-11-28T10:00:00.123Z"), id: "int_abc" };

  it("round-trips and builds the strictly-after clause", () => {
    expect(decodeCursor(encodeCursor(k))).toEqual(k);
    expect(afterCursor(encodeCursor(k))).toEqual({ OR: [{ createdAt: { lt: k.createdAt } }, { createdAt: k.createdAt, id: { lt: "int_abc" } }] });
    expect(afterCursor(undefined)).toEqual({});
  });

  it("rejects garbage with a validation error", () => {
    expect(() => decodeCursor("%%%")).toThrow(AppError);
    expect(() => decodeCursor(Buffer.from("not-a-date|x").toString("base64url"))).toThrow(/cursor/);
  });

  it("rejects contents the database would choke on: NUL, years out of range, a non-UUID for UUID tables", () => {
    const c = (s: string) => Buffer.from(s).toString("base64url");
    expect(() => decodeCursor(c("2026-01-01T00:00:00.000Z|int_\u0000"))).toThrow(AppError);
    expect(() => decodeCursor(c("-271821-04-20T00:00:00.000Z|int_a"))).toThrow(AppError);
    expect(() => decodeCursor(c("0000-01-01T00:00:00.000Z|int_a"))).toThrow(AppError);
    expect(() => decodeCursor(c("2026-01-01T00:00:00.000Z|int_a|x"))).toThrow(AppError);
    expect(() => afterCursor(c("2026-01-01T00:00:00.000Z|int_a"), (id) => /^[0-9a-f-]{36}$/.test(id))).toThrow(AppError);
  });

  it("pages from limit+1 rows", () => {
    const rows = [0, 1, 2].map((i) => ({ createdAt: new Date(3000 - i), id: `i${i}` }));
    expect(page(rows, 2)).toMatchObject({ has_more: true, next_cursor: encodeCursor(rows[1]) });
    expect(page(rows, 3)).toMatchObject({ has_more: false, next_cursor: null });
  });
});
