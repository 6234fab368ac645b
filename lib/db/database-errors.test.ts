import { describe, expect, it } from "vitest";
import { isDatabaseUnavailable, NoSuitableHostError } from "./database-errors";

const pgError = (code: string, message = "x") => Object.assign(new Error(message), { code, severity: "FATAL" });

describe("isDatabaseUnavailable", () => {
  it.each([
    ["admin shutdown (the primary stopped)", pgError("57P01", "terminating connection due to administrator command")],
    ["a standby still starting", pgError("57P03")],
    ["a write on a standby", pgError("25006", "cannot execute INSERT in a read-only transaction")],
    ["a refused connection", Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5441"), { code: "ECONNREFUSED", syscall: "connect", errno: -111 })],
    ["pg's dropped connection", new Error("Connection terminated unexpectedly")],
    ["no host fits the URL", new NoSuitableHostError("no database host is read-write: …")],
    ["Prisma's wrapping of a closed connection", Object.assign(new Error("Server has closed the connection."), { code: "P1017" })],
    [
      "Prisma's wrapping of a pg SQLSTATE",
      Object.assign(new Error("db error"), { code: "P2010", meta: { driverAdapterError: { cause: { kind: "postgres", originalCode: "57P01" } } } }),
    ],
    ["an error caused by one", new Error("deciding failed", { cause: pgError("08006") })],
  ])("is true for %s", (_what, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it.each([
    ["a unique violation", pgError("23505", "duplicate key value violates unique constraint")],
    ["a check violation", pgError("23514")],
    ["a syntax error", pgError("42601")],
    ["a plain error", new Error("Connection terminated unexpectedly, says a user's reason field")],
    ["nothing", undefined],
  ])("is false for %s", (_what, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });
});
