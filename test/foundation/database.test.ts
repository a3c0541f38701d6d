import { spawnSync } from 'node:child_process'

import { describe, expect, it } from 'vitest'

import { DatabaseUriError, DEFAULT_SQLITE_CACHE_MB, parseDatabaseUri, parseSqliteCacheMB, SettingError } from '../../src/database'

describe('DATABASE_URI selects the database', () => {
  it.each([
    [undefined, { kind: 'sqlite', url: 'file:./data/newsroom.db' }],
    ['', { kind: 'sqlite', url: 'file:./data/newsroom.db' }],
    ['file:./tmp/a.db', { kind: 'sqlite', url: 'file:./tmp/a.db', path: './tmp/a.db' }],
    ['file:/var/lib/newsroom.db', { kind: 'sqlite', path: '/var/lib/newsroom.db' }],
    ['postgres://u@127.0.0.1:5432/news', { kind: 'postgres', url: 'postgres://u@127.0.0.1:5432/news' }],
    ['postgresql://u@db/news', { kind: 'postgres' }],
    ['mongodb://127.0.0.1/news', { kind: 'mongodb' }],
    ['mongodb+srv://cluster.example.net/news', { kind: 'mongodb' }],
  ])('%s', (uri, expected) => {
    expect(parseDatabaseUri(uri)).toMatchObject(expected)
  })

  it.each(['mysql://root@localhost/news', 'redis://127.0.0.1', 'sqlite:news.db', 'news.db', 'file:'])(
    'refuses %s naming the accepted schemes',
    (uri) => {
      expect(() => parseDatabaseUri(uri)).toThrow(DatabaseUriError)
      expect(() => parseDatabaseUri(uri)).toThrow(/file:.*postgres:\/\/.*mongodb:\/\//)
    },
  )

  it('the server exits at once, non-zero, with one clear line for an unknown scheme', () => {
    const run = spawnSync('npx', ['tsx', 'src/server.ts'], {
      env: { ...process.env, DATABASE_URI: 'mysql://root@localhost/news' },
      encoding: 'utf8',
      timeout: 60_000,
    })
    expect(run.status).toBe(1)
    const lines = run.stderr.trim().split('\n')
    expect(lines).toHaveLength(1)
    expect(lines[0]).toMatch(/unsupported scheme "mysql:".*file:.*postgres:\/\/.*mongodb:\/\//)
  })
})

describe('SQLITE_CACHE_MB sizes the SQLite page cache', () => {
  it('defaults when unset or empty, takes megabytes otherwise', () => {
    expect(parseSqliteCacheMB(undefined)).toBe(DEFAULT_SQLITE_CACHE_MB)
    expect(parseSqliteCacheMB(' ')).toBe(DEFAULT_SQLITE_CACHE_MB)
    expect(parseSqliteCacheMB('256')).toBe(256)
    expect(parseSqliteCacheMB('0.5')).toBe(0.5)
  })

  it.each(['0', '-8', 'lots', '64MB'])('refuses %s', (value) => {
    expect(() => parseSqliteCacheMB(value)).toThrow(SettingError)
    expect(() => parseSqliteCacheMB(value)).toThrow(/SQLITE_CACHE_MB must be a positive number of megabytes/)
  })

  it('the server exits at once, non-zero, with one clear line for a bad value', () => {
    // node itself, not npx → tsx → node: a timeout's SIGTERM then reaches the server, not two relays that may
    // exit with a status of their own; the setting is refused before Payload and Next load (see src/server.ts).
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
      env: { ...process.env, DATABASE_URI: 'file:/tmp/newsroom-cache-setting.db', SQLITE_CACHE_MB: 'lots' },
      encoding: 'utf8',
      timeout: 60_000,
    })
    expect(run.error, 'the server did not exit within 60 s').toBeUndefined()
    expect(run.status).toBe(1)
    const lines = run.stderr.trim().split('\n')
    expect(lines).toHaveLength(1)
    expect(lines[0]).toMatch(/SQLITE_CACHE_MB must be a positive number of megabytes.*not "lots"/)
  })
})
