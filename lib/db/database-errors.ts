/**
 * Which database failures mean "this server, or this connection to it, is gone or cannot take
 * writes" (a failover, a restart, a network cut) rather than "this statement is wrong". Those
 * connections are discarded instead of going back to the pool, the pool looks for the primary
 * again, and the API answers 503 with Retry-After: the client's retry with the same
 * Idempotency-Key is safe.
 *
 * Errors arrive in three shapes: pg's own (a SQLSTATE `code`, or a Node socket `code`), the same
 * wrapped by Prisma (`meta.driverAdapterError.cause`: `kind`, `originalCode`), and a few pg errors
 * that carry no code at all, only their fixed text (pg's constants, named below).
 */
const SQLSTATES = new Set([
  "57P01", // admin_shutdown: the server is stopping (a fast or immediate stop, a failover)
  "57P02", // crash_shutdown
  "57P03", // cannot_connect_now: starting up, or a standby that is not yet accepting connections
  "25006", // read_only_sql_transaction: we reached a standby, or a primary demoted to read-only
  "08000", // connection_exception
  "08001", // sqlclient_unable_to_establish_sqlconnection
  "08003", // connection_does_not_exist
  "08004", // sqlserver_rejected_establishment_of_sqlconnection
  "08006", // connection_failure
  "53300", // too_many_connections
]);
const SOCKET_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "EPIPE", "ETIMEDOUT", "EHOSTUNREACH", "ENETUNREACH", "ENOTFOUND", "EAI_AGAIN"]);
/** Prisma's driver-adapter error kinds for the same situations. */
const ADAPTER_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections"]);
/** Prisma's own codes: cannot reach, timed out, server closed the connection, no pool connection in time. */
const PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024"]);
/** pg raises these without any code; the texts are constants in pg's client.js and pg-pool. */
const PG_TEXTS = [
  "Connection terminated unexpectedly",
  "Connection terminated",
  "Connection terminated due to connection timeout",
  "Client has encountered a connection error and is not queryable",
  "Client was closed and is not queryable",
  "timeout exceeded when trying to connect",
];

/** Raised by the host selection when no host of a multi-host URL satisfies target_session_attrs. */
export class NoSuitableHostError extends Error {
  readonly code = "AEGIS_NO_HOST";
  constructor(message: string) {
    super(message);
    this.name = "NoSuitableHostError";
  }
}

function* layers(e: unknown): Generator<Record<string, unknown>> {
  const seen = new Set<unknown>();
  const queue: unknown[] = [e];
  while (queue.length) {
    const x = queue.shift();
    if (!x || typeof x !== "object" || seen.has(x)) continue;
    seen.add(x);
    const o = x as Record<string, unknown>;
    yield o;
    queue.push(o.cause, (o.meta as Record<string, unknown> | undefined)?.driverAdapterError);
    if (Array.isArray(o.errors)) queue.push(...o.errors); // AggregateError (every address refused)
  }
}

/** The database is unreachable, shutting down, or not the writable primary: retry later. */
export function isDatabaseUnavailable(e: unknown): boolean {
  for (const o of layers(e)) {
    const code = typeof o.code === "string" ? o.code : undefined;
    const original = typeof o.originalCode === "string" ? o.originalCode : undefined;
    if (code && (SQLSTATES.has(code) || SOCKET_CODES.has(code) || PRISMA_CODES.has(code) || code === "AEGIS_NO_HOST")) return true;
    if (original && SQLSTATES.has(original)) return true;
    if (typeof o.kind === "string" && ADAPTER_KINDS.has(o.kind)) return true;
    if (typeof o.message === "string" && !code && PG_TEXTS.includes(o.message)) return true;
  }
  return false;
}
