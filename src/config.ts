import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { mongooseAdapter } from '@payloadcms/db-mongodb'
import { postgresAdapter } from '@payloadcms/db-postgres'
import { sqliteAdapter } from '@payloadcms/db-sqlite'
import { nodemailerAdapter } from '@payloadcms/email-nodemailer'
import { redisKVAdapter } from '@payloadcms/kv-redis'
import { lexicalEditor } from '@payloadcms/richtext-lexical'
import { en } from '@payloadcms/translations/languages/en'
import { zh } from '@payloadcms/translations/languages/zh'
import { buildConfig, type CollectionConfig, type Config, type DatabaseAdapterObj, type SanitizedConfig } from 'payload'
import sharp from 'sharp'

import { keepPoolErrorsFromCrashing, sizeSqliteCache } from './host/database'
import { migrations as postgresMigrations } from './migrations/postgres'
import { migrations as sqliteMigrations } from './migrations/sqlite'
import { DEFAULT_SQLITE_CACHE_MB, ensureSqliteFolder, parseDatabaseUri, type DatabaseChoice } from './database'
import { newsroomPlugin, type NewsroomPluginOptions } from './index'
import { NEWSROOM_QUEUES } from './jobs'
import { OUTBOX_QUEUE } from './outbox'

const dirname = path.dirname(fileURLToPath(import.meta.url))

export interface NewsroomAppOptions {
  /** `DATABASE_URI`: unset → SQLite at ./data/newsroom.db; `file:`, `postgres://`, `mongodb://`. */
  databaseUri?: string
  secret: string
  serverURL?: string
  /** Redis for the KV store (flood counters shared between instances). Unset → the database KV store. */
  redisUrl?: string
  plugin?: NewsroomPluginOptions
  /** Extra collections of the host app (tests and benchmarks register theirs here). */
  collections?: CollectionConfig[]
  /** Push the schema on start instead of migrating. Default: everywhere but production. */
  push?: boolean
  /** SQLite page cache of the server's connection in megabytes (`SQLITE_CACHE_MB`). Default 64. */
  sqliteCacheMB?: number
}

/** Builds the Payload database adapter for a parsed `DATABASE_URI`. */
export const databaseAdapterFor = (choice: DatabaseChoice, push?: boolean): DatabaseAdapterObj => {
  switch (choice.kind) {
    case 'sqlite':
      return sqliteAdapter({
        client: { url: choice.url },
        push,
        // WAL lets readers (and the health check) run beside a writer; writers wait for the lock.
        wal: true,
        busyTimeout: 10_000,
        migrationDir: path.resolve(dirname, 'migrations/sqlite'),
        // Production never pushes the schema: it applies the committed migrations on start.
        prodMigrations: sqliteMigrations,
      })
    case 'postgres':
      return postgresAdapter({
        pool: { connectionString: choice.url, connectionTimeoutMillis: 5000 },
        push,
        migrationDir: path.resolve(dirname, 'migrations/postgres'),
        prodMigrations: postgresMigrations,
      })
    case 'mongodb':
      return mongooseAdapter({
        url: choice.url,
        connectOptions: { serverSelectionTimeoutMS: 5000 },
        migrationDir: path.resolve(dirname, 'migrations/mongodb'),
      })
  }
}

/** The newsroom app: the plugin on a host config, with database, email, KV store and languages. */
export const createNewsroomConfig = (options: NewsroomAppOptions): Promise<SanitizedConfig> => {
  const choice = parseDatabaseUri(options.databaseUri)
  ensureSqliteFolder(choice)
  const host: Config = {
    secret: options.secret,
    serverURL: options.serverURL,
    admin: {
      user: 'users',
      importMap: { baseDir: path.resolve(dirname) },
      meta: { titleSuffix: ' · payload-newsroom' },
    },
    collections: options.collections ?? [],
    db: databaseAdapterFor(choice, options.push),
    editor: lexicalEditor(),
    email: process.env.SMTP_HOST
      ? nodemailerAdapter({
          defaultFromAddress: process.env.SMTP_FROM || 'newsroom@localhost',
          defaultFromName: process.env.SMTP_FROM_NAME || 'Newsroom',
          transportOptions: {
            host: process.env.SMTP_HOST,
            port: Number(process.env.SMTP_PORT || 587),
            secure: process.env.SMTP_SECURE === 'true',
            auth: process.env.SMTP_USER ? { user: process.env.SMTP_USER, pass: process.env.SMTP_PASS } : undefined,
          },
        })
      : undefined,
    kv: options.redisUrl ? redisKVAdapter({ redisURL: options.redisUrl, keyPrefix: 'newsroom:' }) : undefined,
    i18n: {
      fallbackLanguage: 'en',
      supportedLanguages: { en, zh },
    },
    sharp,
    // Types are generated on demand (npm run generate:types), not by every dev start or test run.
    typescript: { outputFile: path.resolve(dirname, 'payload-types.ts'), autoGenerate: false },
    graphQL: { disablePlaygroundInProduction: true },
    telemetry: false,
    logger: { options: { level: (process.env.LOG_LEVEL as 'info') || 'info' } },
    jobs: {
      tasks: [],
      // Every 10 seconds: scheduled publishing and background re-stamping should not wait a minute.
      // Runs only in a process that starts Payload with `cron: true` (src/server.ts does).
      autoRun: [
        ...NEWSROOM_QUEUES.map((queue) => ({ cron: '*/10 * * * * *', queue, limit: 20 })),
        // The outbox every second (and right after each write's response, see src/host/app.ts): a reader sees a change within 1 s.
        { cron: '* * * * * *', queue: OUTBOX_QUEUE, limit: 50 },
      ],
      deleteJobOnComplete: true,
    },
    plugins: [newsroomPlugin(options.plugin)],
    onInit: async (payload) => {
      keepPoolErrorsFromCrashing(payload)
      await sizeSqliteCache(payload, options.sqliteCacheMB ?? DEFAULT_SQLITE_CACHE_MB)
    },
  }
  return buildConfig(host)
}

