// The PostgreSQL extensions the migrations create (`CREATE EXTENSION`), which PGlite must be given when it
// opens a database: the portal's client (db/client.ts) and the backups (db/backup.ts) both open it so.
// pg_trgm: the trigram indexes of the request list's search (migration 0009).
export async function pgliteExtensions() {
  const { pg_trgm } = await import("@electric-sql/pglite/contrib/pg_trgm");
  return { pg_trgm };
}
