/**
 * drizzle's `sql` tag, loaded once on first use (through the PostgreSQL adapter, which re-exports it; the tag is
 * the same for every SQL dialect). Cached: a dynamic import per call goes through the module loader every time.
 */
type SqlTag = typeof import('@payloadcms/db-postgres').sql

let loading: Promise<SqlTag> | undefined

export const sqlTag = (): Promise<SqlTag> => (loading ??= import('@payloadcms/db-postgres').then((module) => module.sql))

/**
 * The SQL adapters' table name for a collection or global slug (`-` becomes `_`; a custom `dbName` is found
 * through the adapter's map), or undefined when the schema has no such table.
 */
export const tableNameOf = (db: any, slug: string): string | undefined => {
  const key = slug.replace(/-/g, '_')
  const name = db?.tableNameMap?.get?.(key) ?? key
  return db?.tables?.[name] ? name : undefined
}

/**
 * The connection of the request's transaction on the SQL adapters, or undefined outside one. Statements of a
 * request that has a transaction go through it: a second pool connection per transaction starves the pool under
 * load, and would not see the transaction's own writes.
 */
export const transactionDb = async (db: any, req?: { transactionID?: unknown }): Promise<any> =>
  req?.transactionID ? db?.sessions?.[String(await req.transactionID)]?.db : undefined
