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
