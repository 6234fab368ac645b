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
 * `namedStatements: false` (AEGIS_DB_NAMED_STATEMENTS=0) sends every statement unnamed: a
 * transaction-pooling PgBouncer before 1.21 (Debian 12 ships 1.18) passes a named Parse to one
 * server connection and the next Bind of that name to another, which does not know it.
 */
const statementNames = new Map<string, string>();
const MAX_PREPARED = 400;
function statementName(text: string): string | undefined {
  let name = statementNames.get(text);
  if (name === undefined && statementNames.size < MAX_PREPARED) statementNames.set(text, (name = `aegis_${statementNames.size}`));
  return name;
}

/**
 * Several statements to run back to back (lib/db/sql.ts `pipelined`, `commitWith`): on
 * PostgreSQL they go out in ONE write and come back in one round trip (pg's pipeline mode), each
 * still its own statement with its own snapshot, in order. `commit`: COMMIT follows the last.
 */
export type SqlBatch = { batch: CompiledQuery[]; commit: boolean };
export const isBatch = (q: CompiledQuery): q is CompiledQuery & SqlBatch => Array.isArray((q as Partial<SqlBatch>).batch);

type Pipelining = PoolClient & { pipeline?: boolean; connection?: { stream?: { cork?: () => void; uncork?: () => void } } };

/**
 * One pooled pg client. A transaction's BEGIN is not sent on its own: it goes out with the
 * transaction's first statement (one round trip fewer), and `commitWith` sends the last
 * statement with COMMIT. So a decision (BEGIN + lock + read, then write + COMMIT) costs two
 * round trips instead of five.
 */
class PgConnection implements DatabaseConnection {
  /** BEGIN is owed: it leads the next statement. */
  beginOwed = false;
  /** The transaction already ended (COMMIT sent with its last statement, or its failure rolled it back). */
  ended = false;
  constructor(
    readonly client: PoolClient,
    private namedStatements: boolean,
  ) {}

  async executeQuery<R>(q: CompiledQuery): Promise<QueryResult<R>> {
    if (this.ended) throw new Error("This transaction has already committed: no statement may follow commitWith");
    const statements = isBatch(q) ? q.batch : [q];
    const commit = isBatch(q) && q.commit;
    const texts: (string | CompiledQuery)[] = [...(this.beginOwed ? ["BEGIN"] : []), ...statements, ...(commit ? ["COMMIT"] : [])];
    this.beginOwed = false;
    const results = texts.length === 1 ? [await this.run(texts[0])] : await this.pipeline(texts);
    const own = results.slice(results.length - statements.length - (commit ? 1 : 0), results.length - (commit ? 1 : 0));
    if (commit) {
      this.ended = true;
      if (results[results.length - 1].command === "ROLLBACK") throw new Error("The transaction was rolled back by the database");
    }
    if (!isBatch(q)) return toResult<R>(own[0]);
    return { rows: own.map((r) => toResult(r)) as R[] };
  }

  private run(q: string | CompiledQuery): Promise<PgResult> {
    if (typeof q === "string") return this.client.query(q);
    return this.client.query({
      text: q.sql,
      values: toParameters(q.parameters),
      name: this.namedStatements ? statementName(q.sql) : undefined,
      types: pgTypes,
    });
  }

  /**
   * Sends every statement before reading any answer: pg's pipeline mode for this batch only (the
   * client is ours for the transaction, and idle between batches), corked so the statements leave
   * in one write. The first failure is thrown once every answer is in; in a transaction the
   * statements after it fail too (the transaction is aborted) and the caller rolls back.
   */
  private async pipeline(texts: (string | CompiledQuery)[]): Promise<PgResult[]> {
    const client = this.client as Pipelining;
    const stream = client.connection?.stream;
    client.pipeline = true;
    stream?.cork?.();
    let sent: Promise<PgResult>[];
    try {
      sent = texts.map((t) => this.run(t));
    } finally {
      stream?.uncork?.();
    }
    const settled = await Promise.allSettled(sent);
    client.pipeline = false;
    const failed = settled.find((r) => r.status === "rejected");
    if (failed) {
      // A COMMIT that followed a failure answered ROLLBACK: the transaction is over either way.
      if (texts[texts.length - 1] === "COMMIT") this.ended = true;
      throw failed.reason;
    }
    return settled.map((r) => (r as PromiseFulfilledResult<PgResult>).value);
  }

  async *streamQuery(): AsyncIterableIterator<QueryResult<never>> {
    throw new Error("streaming is not used by the typed layer");
  }
}

const toResult = <R>(r: PgResult): QueryResult<R> => ({ rows: (r.rows ?? []) as R[], numAffectedRows: affected(r.command, r.rowCount) });

export class PgDriver implements Driver {
  private connections = new WeakMap<PoolClient, PgConnection>();
  /**
   * `namedStatements: false` behind an old PgBouncer (above); `readOnly`: the replica's pool
   * (lib/db/client.ts `getReadDb`), where no transaction may start.
   */
  constructor(
    private pool: Pool,
    private namedStatements = true,
    private readOnly = false,
  ) {}
  async init() {
    const { types } = await import("pg");
    defaultPgParser = (oid, format) => types.getTypeParser(oid, (format ?? "text") as "text");
  }
  async acquireConnection() {
    const client = await this.pool.connect();
    let c = this.connections.get(client);
    if (!c) this.connections.set(client, (c = new PgConnection(client, this.namedStatements)));
    return c;
  }
  async beginTransaction(c: DatabaseConnection) {
    if (this.readOnly) throw new Error("The read replica's client takes no transactions: money, decisions and read-then-write go through getDb()");
    const conn = c as PgConnection;
    conn.beginOwed = true;
    conn.ended = false;
  }
  async commitTransaction(c: DatabaseConnection) {
    const conn = c as PgConnection;
    if (conn.beginOwed || conn.ended) return void (conn.beginOwed = conn.ended = false); // nothing ran, or committed already
    // PostgreSQL answers COMMIT of a transaction an earlier error aborted with ROLLBACK.
    const r = await conn.client.query("COMMIT");
    if (r.command === "ROLLBACK") throw new Error("The transaction was rolled back by the database");
  }
  async rollbackTransaction(c: DatabaseConnection) {
    const conn = c as PgConnection;
    if (conn.beginOwed || conn.ended) return void (conn.beginOwed = conn.ended = false);
    await conn.client.query("ROLLBACK");
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
    // In process there is no round trip to save: a batch runs statement by statement (its COMMIT
    // is the transaction's own, which follows).
    if (isBatch(q)) {
      const results: QueryResult<unknown>[] = [];
      for (const one of q.batch) results.push(await this.executeQuery(one));
      return { rows: results as R[] };
    }
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
