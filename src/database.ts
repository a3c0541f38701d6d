import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

/** Where the embedded database lives when `DATABASE_URI` is not set. */
export const DEFAULT_SQLITE_PATH = './data/newsroom.db'

export type DatabaseChoice =
  | { kind: 'sqlite'; url: string; path: string }
  | { kind: 'postgres'; url: string }
  | { kind: 'mongodb'; url: string }

export class DatabaseUriError extends Error {
  constructor(uri: string) {
    const scheme = uri.includes(':') ? uri.slice(0, uri.indexOf(':') + 1) : uri
    super(
      `DATABASE_URI has an unsupported scheme "${scheme}": use file:PATH (SQLite), postgres:// or postgresql:// (PostgreSQL), or mongodb:// or mongodb+srv:// (MongoDB); leave it unset for SQLite at ${DEFAULT_SQLITE_PATH}`,
    )
    this.name = 'DatabaseUriError'
  }
}

/** Reads `DATABASE_URI` (or its absence) into the database to use. Throws {@link DatabaseUriError}. */
export const parseDatabaseUri = (uri: string | undefined): DatabaseChoice => {
  const value = uri?.trim()
  if (!value) return { kind: 'sqlite', url: `file:${DEFAULT_SQLITE_PATH}`, path: DEFAULT_SQLITE_PATH }
  if (value.startsWith('file:')) {
    const file = value.slice('file:'.length).replace(/^\/\/(?=\/)/, '')
    if (!file) throw new DatabaseUriError(value)
    return { kind: 'sqlite', url: `file:${file}`, path: file }
  }
  if (/^postgres(ql)?:\/\//i.test(value)) return { kind: 'postgres', url: value }
  if (/^mongodb(\+srv)?:\/\//i.test(value)) return { kind: 'mongodb', url: value }
  throw new DatabaseUriError(value)
}

/** libsql does not create missing folders: make the one the SQLite file goes in (first run). */
export const ensureSqliteFolder = (choice: DatabaseChoice): void => {
  if (choice.kind === 'sqlite') fs.mkdirSync(path.dirname(path.resolve(choice.path)), { recursive: true })
}

/** Megabytes of SQLite page cache for the server's connection when SQLITE_CACHE_MB is unset. */
export const DEFAULT_SQLITE_CACHE_MB = 64

/** A setting of the environment that cannot be used; the server stops with this one line. */
export class SettingError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'SettingError'
  }
}

/** `SQLITE_CACHE_MB`: unset or empty → the default; otherwise a positive number of megabytes. */
export const parseSqliteCacheMB = (value: string | undefined): number => {
  if (value === undefined || value.trim() === '') return DEFAULT_SQLITE_CACHE_MB
  const megabytes = Number(value)
  if (!Number.isFinite(megabytes) || megabytes <= 0) {
    throw new SettingError(`SQLITE_CACHE_MB must be a positive number of megabytes (default ${DEFAULT_SQLITE_CACHE_MB}), not "${value}"`)
  }
  return megabytes
}

/** Default of REQUEST_DEADLINE_MS: the longest an API client waits before a 503 when the database is slow. */
export const DEFAULT_REQUEST_DEADLINE_MS = 10_000

/** `REQUEST_DEADLINE_MS`: unset or empty → 10 000; `0` turns the deadline off; otherwise a positive number. */
export const parseRequestDeadlineMs = (value: string | undefined): number => {
  if (value === undefined || value.trim() === '') return DEFAULT_REQUEST_DEADLINE_MS
  const ms = Number(value)
  if (!Number.isFinite(ms) || ms < 0) throw new SettingError(`REQUEST_DEADLINE_MS must be a number of milliseconds (0 = no deadline), not "${value}"`)
  return ms
}

/** What names one database, whatever the credentials or spelling of the address: host, port and name, or the file. */
const databaseIdentity = (choice: DatabaseChoice): { name: string; identity: string } => {
  if (choice.kind === 'sqlite') {
    const file = path.resolve(choice.path)
    return { name: path.basename(file).replace(/\.[^.]*$/, ''), identity: `sqlite:${file}` }
  }
  const url = new URL(choice.url)
  const name = decodeURIComponent(url.pathname.replace(/^\//, '')) || (choice.kind === 'postgres' ? 'postgres' : 'test')
  const port = url.port || (choice.kind === 'postgres' ? '5432' : '27017')
  return { name, identity: `${choice.kind}:${url.hostname.toLowerCase()}:${port}/${name}` }
}

/**
 * The prefix of every Redis key of this site (`REDIS_PREFIX`): unset → derived from the database, so that two
 * sites on one Redis never share counters while the instances of one site (same database) always do.
 */
export const redisKeyPrefix = (choice: DatabaseChoice, given?: string): string => {
  const value = given?.trim()
  if (value) {
    if (!/^[\w.:-]+$/.test(value)) throw new SettingError(`REDIS_PREFIX may hold letters, digits, and . _ : - only, not "${value}"`)
    return value.endsWith(':') ? value : `${value}:`
  }
  const { name, identity } = databaseIdentity(choice)
  const digest = crypto.createHash('sha256').update(identity).digest('hex').slice(0, 10)
  return `newsroom:${name.replace(/[^\w.-]/g, '_').slice(0, 40)}-${digest}:`
}

/** `DATABASE_REPLICA_URIS`: comma-separated PostgreSQL addresses of read replicas, for a PostgreSQL `DATABASE_URI` only. */
export const parseReplicaUris = (value: string | undefined, choice: DatabaseChoice): string[] => {
  const uris = (value ?? '')
    .split(',')
    .map((uri) => uri.trim())
    .filter(Boolean)
  if (!uris.length) return []
  if (choice.kind !== 'postgres') throw new SettingError(`DATABASE_REPLICA_URIS needs a PostgreSQL DATABASE_URI (read replicas are a PostgreSQL feature here)`)
  const wrong = uris.find((uri) => !/^postgres(ql)?:\/\//i.test(uri))
  if (wrong) throw new SettingError(`DATABASE_REPLICA_URIS holds postgres:// addresses separated by commas, not "${wrong.replace(/\/\/[^@/]*@/, '//…@')}"`)
  return uris
}
