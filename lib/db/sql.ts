import type { PGlite } from "@electric-sql/pglite";
import {
  DummyDriver,
  Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type CompiledQuery,
  type Driver,
  type QueryResult,
  type Transaction,
} from "kysely";
import type { Pool } from "pg";
import type { DB } from "@/lib/generated/kysely/types";
import { PGliteDriver, PgDriver, type SqlBatch } from "./sql-driver";

/**
 * The typed SQL layer: Kysely over the same pg Pool / PGlite as Prisma, with table types
 * generated from prisma/schema.prisma (lib/generated/kysely, by `prisma generate`). The money
 * path (decisions, ledger, approval outcomes, capture/void, counters, card authorizations)
 * runs here; Prisma stays for CRUD and dashboard reads. See ARCHITECTURE.md, "The money path".
 */
export type SqlDb = Kysely<DB>;
/** An open transaction, and only that (a plain SqlDb does not type-check), like Prisma's `Tx`. */
export type SqlTx = Transaction<DB>;

const dialect = (driver: Driver) => ({
  createAdapter: () => new PostgresAdapter(),
  createDriver: () => driver,
  createIntrospector: (db: Kysely<unknown>) => new PostgresIntrospector(db),
  createQueryCompiler: () => new PostgresQueryCompiler(),
});

/** A Kysely instance over one raw connection: lib/db/client.ts makes one per Prisma client. */
export function createSql(raw: { pglite: PGlite } | { pool: Pool; namedStatements?: boolean; readOnly?: boolean }): SqlDb {
  const driver = "pglite" in raw ? new PGliteDriver(raw.pglite) : new PgDriver(raw.pool, raw.namedStatements, raw.readOnly);
  return new Kysely<DB>({ dialect: dialect(driver) });
}

/** Builds and compiles queries without a connection (for `runSql` on a Prisma transaction). */
export const sqlBuilder: SqlDb = new Kysely<DB>({ dialect: dialect(new DummyDriver()) });

type Registry = WeakMap<object, SqlDb>;
/** On globalThis: several bundles in one process must find the same pairing. */
const registry: Registry = ((globalThis as { __aegisSql?: Registry }).__aegisSql ??= new WeakMap());

/** Pairs a Prisma client with the Kysely instance over the same raw connection. */
export function bindSql(prisma: object, sql: SqlDb): void {
  registry.set(prisma, sql);
}

/**
 * The typed layer over the same database as this Prisma client. Domain verbs receive `db` (so
 * tests can hand them their own database) and reach the typed layer through it.
 */
export function sqlOf(db: object): SqlDb {
  const sql = registry.get(db);
  if (!sql) throw new Error("This database client has no typed SQL layer: create it with lib/db/client.ts (or bindSql)");
  return sql;
}

/**
 * A typed-layer handle from either a Prisma client (its pair) or a typed-layer handle itself.
 * Duck-typed, not `instanceof`: a bundler may load Kysely's classes more than once.
 */
export const sqlFrom = (db: object): SqlDb => (typeof (db as Partial<SqlDb>).selectFrom === "function" ? (db as SqlDb) : sqlOf(db));

/**
 * Runs `work` in one transaction of the typed layer (BEGIN … COMMIT; ROLLBACK when it throws).
 * On PGlite, never touch the plain client from inside: it waits for this transaction.
 */
export function sqlTransaction<T>(db: object, work: (tx: SqlTx) => Promise<T>): Promise<T> {
  return sqlOf(db).transaction().execute(work);
}

type PrismaRaw = { $executeRawUnsafe(query: string, ...values: unknown[]): Promise<number> };

/**
 * Runs one statement built with the typed layer (`sqlBuilder`, or `sql` fragments) in whichever
 * transaction the change lives in: a typed-layer transaction or a Prisma one (CRUD verbs). Shared
 * writers (the webhook outbox, notifications, audit rows) are written once this way. Returns the
 * rows it affected.
 */
export async function runSql(tx: SqlDb | PrismaRaw, query: { compile(executor: SqlDb): CompiledQuery }): Promise<number> {
  const compiled = query.compile(sqlBuilder);
  if ("$executeRawUnsafe" in tx) return tx.$executeRawUnsafe(compiled.sql, ...compiled.parameters);
  const r = await tx.executeQuery(compiled);
  return Number(r.numAffectedRows ?? 0);
}

/** A query builder or a `sql` template: anything that compiles to one statement. */
type Statement<O = unknown> = { compile(executor: SqlDb): CompiledQuery<O> };
type Rows<T> = { -readonly [K in keyof T]: T[K] extends Statement<infer O> ? O[] : never };

async function runBatch<T extends readonly Statement[]>(tx: SqlTx, queries: T, commit: boolean): Promise<Rows<T>> {
  const batch: SqlBatch = { batch: queries.map((q) => q.compile(tx)), commit };
  const r = await tx.executeQuery({ ...batch, sql: "", parameters: [], query: { kind: "RawNode" } } as unknown as CompiledQuery);
  return (r.rows as QueryResult<unknown>[]).map((x) => x.rows) as Rows<T>;
}

/**
 * Runs statements back to back in ONE round trip on PostgreSQL (pipelined; in process on PGlite),
 * each its own statement, in order: a statement sees what the ones before it did and, under READ
 * COMMITTED, starts with a fresh snapshot (so a read after a row lock sees what the lock waited
 * for). Returns each statement's rows. The first failure is thrown; the transaction then rolls back.
 */
export const pipelined = <T extends readonly Statement[]>(tx: SqlTx, queries: T) => runBatch(tx, queries, false);

/**
 * Runs the transaction's last statement and COMMIT in one round trip on PostgreSQL. Nothing may
 * run in the transaction after it, and nothing after it may throw: the work is committed.
 * (On PGlite the statement runs and the transaction commits as usual when `work` returns.)
 */
export async function commitWith<O>(tx: SqlTx, query: Statement<O>): Promise<O[]> {
  const [rows] = await runBatch(tx, [query] as const, true);
  return rows as O[];
}
