// The volume seed's bulk-load step: a table's secondary indexes are dropped before its millions of
// rows go in and built again afterwards, as PostgreSQL's docs advise for a bulk load ("Populating a
// Database": remove indexes). One CREATE INDEX sorts the rows once; keeping the indexes makes every
// row update sixteen of them (three of them trigram GIN indexes on intents), which made the seed's
// intents step most of its time. Only plain indexes are touched: primary keys and unique constraints
// stay (the seed's own joins read through them), and the definitions are read from the catalogue,
// so the rebuilt indexes are exactly the migrations' ones, partial indexes and operator classes
// included.
import type pg from "pg";

type IndexDefinition = { name: string; table: string; definition: string };

/** Drops the plain (non-constraint) indexes of the given partitioned or plain tables; returns how to rebuild them. */
export async function dropSecondaryIndexes(client: pg.Client, tables: string[]): Promise<IndexDefinition[]> {
  const { rows } = await client.query<IndexDefinition>(
    `SELECT i.relname AS name, t.relname AS "table", pg_get_indexdef(x.indexrelid) AS definition
     FROM pg_index x
     JOIN pg_class i ON i.oid = x.indexrelid
     JOIN pg_class t ON t.oid = x.indrelid
     JOIN pg_namespace n ON n.oid = t.relnamespace AND n.nspname = current_schema()
     WHERE t.relname = ANY($1) AND NOT x.indisprimary
       AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = x.indexrelid)
     ORDER BY t.relname, i.relname`,
    [tables],
  );
  for (const index of rows) await client.query(`DROP INDEX "${index.name}"`);
  return rows;
}

/**
 * Builds the dropped indexes again. On a partitioned table the catalogue's definition says
 * "ON ONLY", which would make the parent index alone (invalid until each partition's is attached);
 * without ONLY one statement builds every partition's index and attaches it.
 */
export async function rebuildIndexes(client: pg.Client, indexes: IndexDefinition[]): Promise<void> {
  for (const index of indexes) await client.query(index.definition.replace(" ON ONLY ", " ON "));
}
