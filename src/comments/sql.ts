/**
 * drizzle's `sql` tag, loaded once on first use (through the PostgreSQL adapter, which re-exports it; the tag is
 * the same for every SQL dialect). Cached: a dynamic import per call goes through the module loader every time.
 */
type SqlTag = typeof import('@payloadcms/db-postgres').sql

let loading: Promise<SqlTag> | undefined

export const sqlTag = (): Promise<SqlTag> => (loading ??= import('@payloadcms/db-postgres').then((module) => module.sql))
