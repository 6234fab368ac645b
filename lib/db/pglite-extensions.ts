/**
 * The PostgreSQL extensions our migrations create, for every PGlite we open (the app's, the
 * domain tests', the schema diff's shadow). PGlite ships each as a separate import; PostgreSQL
 * has them in its contrib package. pg_trgm: the intents search's trigram indexes.
 */
export async function pgliteExtensions() {
  const { pg_trgm } = await import("@electric-sql/pglite/contrib/pg_trgm");
  return { pg_trgm };
}
