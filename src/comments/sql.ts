import type { Payload } from 'payload'

/**
 * drizzle's `sql` tag, loaded once on first use (through the PostgreSQL adapter, which re-exports it; the tag is
 * the same for every SQL dialect). Cached: a dynamic import per call goes through the module loader every time.
 */
type SqlTag = typeof import('@payloadcms/db-postgres').sql

let loading: Promise<SqlTag> | undefined

export const sqlTag = (): Promise<SqlTag> => (loading ??= import('@payloadcms/db-postgres').then((module) => module.sql))

/** A pg client or pool: what the statements run on PostgreSQL. */
export interface PgQueryable {
  query(text: string | { name?: string; text: string; values?: unknown[] }, values?: unknown[]): Promise<{ rows?: unknown[]; rowCount?: number | null }>
}

/** A libsql client: what the statements run on SQLite. */
export interface LibsqlClient {
  execute(statement: { sql: string; args: unknown[] }): Promise<{ rows?: unknown[]; rowsAffected?: number }>
  batch(statements: string[], mode?: string): Promise<unknown>
}

/**
 * What the comments room reads of the SQL adapters beyond Payload's DatabaseAdapter: their drizzle tables and
 * name map, the open transactions' connections, and the raw clients. Public on both adapters' objects, but not
 * part of the DatabaseAdapter type.
 */
export interface SqlAdapterInternals {
  name?: string
  schemaName?: string
  tables?: Record<string, Record<string, { name?: string } | undefined> | undefined>
  tableNameMap?: Map<string, string>
  sessions?: Record<string, { db?: { session?: { client?: PgQueryable } } } | undefined>
  pool?: PgQueryable & { options?: { max?: number } }
  client?: LibsqlClient
}

/** The adapter of `payload.db` read as an SQL adapter (every field optional: MongoDB has none of them). */
export const sqlAdapter = (payload: Payload): SqlAdapterInternals =>
  // The SQL adapters' public internals are not in DatabaseAdapter's type; every use checks what it reads.
  payload.db as unknown as SqlAdapterInternals

/**
 * The SQL adapters' table name for a collection or global slug (`-` becomes `_`; a custom `dbName` is found
 * through the adapter's map), or undefined when the schema has no such table.
 */
export const tableNameOf = (db: SqlAdapterInternals, slug: string): string | undefined => {
  const key = slug.replace(/-/g, '_')
  const name = db.tableNameMap?.get?.(key) ?? key
  return db.tables?.[name] ? name : undefined
}

/**
 * The connection of the request's transaction on the SQL adapters, or undefined outside one. Statements of a
 * request that has a transaction go through it: a second pool connection per transaction starves the pool under
 * load, and would not see the transaction's own writes.
 */
export const transactionClient = async (db: SqlAdapterInternals, req?: { transactionID?: unknown }): Promise<PgQueryable | undefined> =>
  req?.transactionID ? db.sessions?.[String(await req.transactionID)]?.db?.session?.client : undefined
