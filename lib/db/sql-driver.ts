import type { PGlite, Transaction as PGliteTransaction } from "@electric-sql/pglite";
import type { CompiledQuery, DatabaseConnection, Driver, QueryResult } from "kysely";
import type { Pool, PoolClient, QueryResult as PgResult } from "pg";

/**
 * Kysely drivers over the SAME raw connections Prisma uses (lib/db/raw-sql.ts): the pg Pool
 * and the process's one PGlite. Values are read the way the typed layer's generated types say:
 * int8 as a number (money stays below 2^53 by CHECK; a larger value fails loudly rather than
 * rounding), `timestamp` columns as UTC (Prisma writes UTC wall-clock time without a zone).
 */
const TEXT_PARSERS: Record<number, (v: string) => unknown> = {
  20: parseSafeInteger, // int8
  1700: Number, // numeric (SUM of int8)
  1114: (v) => new Date(`${v.replace(" ", "T")}Z`), // timestamp (UTC wall clock)
  1082: (v) => new Date(`${v}T00:00:00Z`), // date
};

function parseSafeInteger(v: string): number {
  const n = Number(v);
  if (!Number.isSafeInteger(n)) throw new Error(`int8 value ${v} does not fit a JavaScript number`);
  return n;
}

/** Dates go out as ISO text: right for `timestamp` (the zone is dropped: UTC) and `timestamptz` alike. */
const toParameters = (values: readonly unknown[]) => values.map((v) => (v instanceof Date ? v.toISOString() : v));

const affected = (command: string | undefined, count: number | null | undefined) =>
  command === "INSERT" || command === "UPDATE" || command === "DELETE" ? BigInt(count ?? 0) : undefined;

// ---------------------------------------------------------------------------------------------
// PostgreSQL (pg Pool)

const pgTypes = {
  getTypeParser: (oid: number, format?: string) => (format !== "binary" && TEXT_PARSERS[oid]) || defaultPgParser(oid, format),
};
let defaultPgParser: (oid: number, format?: string) => (v: string) => unknown = () => (v) => v;

/**
 * Statements are prepared once per connection (a stable name per SQL text), so PostgreSQL
 * parses and plans the money path's few statement shapes once instead of on every submit.
 * The names are capped: a caller that builds unbounded shapes falls back to unnamed statements.
 */
const statementNames = new Map<string, string>();
const MAX_PREPARED = 400;
function statementName(text: string): string | undefined {
  let name = statementNames.get(text);
  if (name === undefined && statementNames.size < MAX_PREPARED) statementNames.set(text, (name = `aegis_${statementNames.size}`));
  return name;
}

class PgConnection implements DatabaseConnection {
  constructor(readonly client: PoolClient) {}
  async executeQuery<R>(q: CompiledQuery): Promise<QueryResult<R>> {
    const text = q.sql;
    const r: PgResult = await this.client.query({ text, values: toParameters(q.parameters), name: statementName(text), types: pgTypes });
    return { rows: (r.rows ?? []) as R[], numAffectedRows: affected(r.command, r.rowCount) };
  }
  async *streamQuery(): AsyncIterableIterator<QueryResult<never>> {
    throw new Error("streaming is not used by the typed layer");
  }
}

export class PgDriver implements Driver {
  private connections = new WeakMap<PoolClient, PgConnection>();
  constructor(private pool: Pool) {}
  async init() {
    const { types } = await import("pg");
    defaultPgParser = (oid, format) => types.getTypeParser(oid, (format ?? "text") as "text");
  }
  async acquireConnection() {
    const client = await this.pool.connect();
    let c = this.connections.get(client);
    if (!c) this.connections.set(client, (c = new PgConnection(client)));
    return c;
  }
  async beginTransaction(c: DatabaseConnection) {
    await (c as PgConnection).client.query("BEGIN");
  }
  async commitTransaction(c: DatabaseConnection) {
    // PostgreSQL answers COMMIT of a transaction an earlier error aborted with ROLLBACK.
    const r = await (c as PgConnection).client.query("COMMIT");
    if (r.command === "ROLLBACK") throw new Error("The transaction was rolled back by the database");
  }
  async rollbackTransaction(c: DatabaseConnection) {
    await (c as PgConnection).client.query("ROLLBACK");
  }
  async releaseConnection(c: DatabaseConnection) {
    (c as PgConnection).client.release();
  }
  /** The pool belongs to lib/db/raw-sql.ts (Prisma shares it); closeRaw ends it. */
  async destroy() {}
}

// ---------------------------------------------------------------------------------------------
// PGlite (one in-process connection)

const pgliteParsers = Object.fromEntries(Object.entries(TEXT_PARSERS).map(([oid, f]) => [oid, (v: string) => f(v)]));

/**
 * A PGlite "connection" is a turn on the one database. A transaction runs inside
 * `pglite.transaction()`, whose lock Prisma's PGlite adapter takes too, so a Kysely
 * transaction and a Prisma one never interleave; statements outside a transaction wait
 * for it. Never call the plain client (Prisma or Kysely) from inside a transaction: it
 * would wait for the transaction that is waiting for it.
 */
class PGliteConnection implements DatabaseConnection {
  tx: PGliteTransaction | null = null;
  private finish: ((commit: boolean) => void) | null = null;
  private done: Promise<unknown> | null = null;
  constructor(private pg: PGlite) {}

  async executeQuery<R>(q: CompiledQuery): Promise<QueryResult<R>> {
    const target = this.tx ?? this.pg;
    const r = await target.query<R>(q.sql, toParameters(q.parameters), { parsers: pgliteParsers });
    return { rows: r.rows, numAffectedRows: BigInt(r.affectedRows ?? 0) };
  }
  async *streamQuery(): AsyncIterableIterator<QueryResult<never>> {
    throw new Error("streaming is not used by the typed layer");
  }

  begin(): Promise<void> {
    return new Promise((started, failed) => {
      let inside = false;
      this.done = this.pg
        .transaction(async (tx) => {
          inside = true;
          this.tx = tx;
          started();
          const commit = await new Promise<boolean>((resolve) => (this.finish = resolve));
          if (!commit) await tx.rollback();
        })
        .catch((e: unknown) => {
          if (inside) throw e; // end() awaits it: a failed COMMIT reaches the caller
          failed(e);
        });
    });
  }
  async end(commit: boolean): Promise<void> {
    const done = this.done!;
    this.finish!(commit);
    this.tx = this.finish = this.done = null;
    await done;
  }
}

export class PGliteDriver implements Driver {
  constructor(private pg: PGlite) {}
  async init() {}
  async acquireConnection() {
    return new PGliteConnection(this.pg);
  }
  beginTransaction = (c: DatabaseConnection) => (c as PGliteConnection).begin();
  commitTransaction = (c: DatabaseConnection) => (c as PGliteConnection).end(true);
  rollbackTransaction = (c: DatabaseConnection) => (c as PGliteConnection).end(false);
  async releaseConnection() {}
  /** The PGlite instance belongs to lib/db/raw-sql.ts (Prisma shares it); closeRaw closes it. */
  async destroy() {}
}
