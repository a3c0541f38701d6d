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

import { boundRedisCommands, failRequestsWhoseCommitFails, keepPoolErrorsFromCrashing, rollBackFailedJobUpdates, sizeSqliteCache } from './host/database'
import { answerUnavailableWith503 } from './host/unavailable'
import { JOB_TICK_MS, runJobsOnOneInstance } from './host/jobRunner'
import { routeReadsByRequest } from './host/replicas'
import { migrations as postgresMigrations } from './migrations/postgres'
import { migrations as sqliteMigrations } from './migrations/sqlite'
import { DEFAULT_SQLITE_CACHE_MB, ensureSqliteFolder, parseDatabaseUri, redisKeyPrefix, type DatabaseChoice } from './database'
import { newsroomPlugin, type NewsroomPluginOptions } from './index'
import { NEWSROOM_QUEUES } from './jobs'
import { objectStoragePlugins, type ObjectStorageSettings } from './objectStorage'
import { OUTBOX_QUEUE } from './outbox'

const dirname = path.dirname(fileURLToPath(import.meta.url))

export interface NewsroomAppOptions {
  /** `DATABASE_URI`: unset → SQLite at ./data/newsroom.db; `file:`, `postgres://`, `mongodb://`. */
  databaseUri?: string
  /** `DATABASE_REPLICA_URIS`: PostgreSQL read replicas for anonymous reads (src/host/replicas.ts). */
  readReplicaUris?: string[]
  secret: string
  serverURL?: string
  /** Redis for the KV store (flood counters shared between instances). Unset → the database KV store. */
  redisUrl?: string
  /** `REDIS_PREFIX`: the site's namespace in Redis. Unset → derived from the database (see redisKeyPrefix). */
  redisPrefix?: string
  plugin?: NewsroomPluginOptions
  /** Extra collections of the host app (tests and benchmarks register theirs here). */
  collections?: CollectionConfig[]
  /** Push the schema on start instead of migrating. Default: everywhere but production. */
  push?: boolean
  /** SQLite page cache of the server's connection in megabytes (`SQLITE_CACHE_MB`). Default 64. */
  sqliteCacheMB?: number
  /**
   * Origins trusted for cookie logins (Payload's `csrf`) and cross-origin browser calls (`cors`): see
   * src/security/origins.ts (`SERVER_URL`, `SITE_URL`, `CORS_ORIGINS`). Empty or unset: no restriction.
   */
  trustedOrigins?: string[]
  /** Media in S3-compatible storage (`S3_BUCKET`, see src/objectStorage.ts). Unset → local disk (`MEDIA_DIR`). */
  objectStorage?: ObjectStorageSettings
  /**
   * Run the job queues on their schedule once Payload's crons are started (default true; `NEWSROOM_RUN_JOBS=false`
   * stops them too). The test suites' apps pass false and run their jobs by hand, so no scheduled runner races them.
   */
  runJobs?: boolean
}

/** Builds the Payload database adapter for a parsed `DATABASE_URI`. */
export const databaseAdapterFor = (choice: DatabaseChoice, push?: boolean, readReplicaUris: string[] = []): DatabaseAdapterObj => {
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
        ...(readReplicaUris.length
          ? // which reads may use a replica is decided per request (routeReadsByRequest), not by a window after writes
            { readReplicas: readReplicaUris, readReplicasAfterWriteInterval: 0 }
          : {}),
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
    db: databaseAdapterFor(choice, options.push, options.readReplicaUris),
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
    kv: options.redisUrl
      ? redisKVAdapter({ redisURL: options.redisUrl, keyPrefix: redisKeyPrefix(choice, options.redisPrefix) })
      : undefined,
    i18n: {
      fallbackLanguage: 'en',
      supportedLanguages: { en, zh },
    },
    sharp,
    // Types are generated on demand (npm run generate:types), not by every dev start or test run.
    typescript: { outputFile: path.resolve(dirname, 'payload-types.ts'), autoGenerate: false },
    graphQL: { disablePlaygroundInProduction: true, disableIntrospectionInProduction: true },
    // A login cookie sent from another origin is ignored (the request is anonymous); CORS answers these origins only.
    csrf: options.trustedOrigins ?? [],
    ...(options.trustedOrigins?.length ? { cors: options.trustedOrigins } : {}),
    telemetry: false,
    logger: { options: { level: (process.env.LOG_LEVEL as 'info') || 'info' } },
    jobs: {
      tasks: [],
      // Every 10 seconds: scheduled publishing and background re-stamping should not wait a minute.
      // Runs only in a process that starts Payload with `cron: true` (src/server.ts does).
      autoRun: [
        ...NEWSROOM_QUEUES.map((queue) => ({ cron: `*/${JOB_TICK_MS / 1000} * * * * *`, queue, limit: 20 })),
        // The outbox every second (and right after each write's response, see src/host/app.ts): a reader sees a change within 1 s.
        { cron: '* * * * * *', queue: OUTBOX_QUEUE, limit: 50 },
      ],
      // Several instances on one Redis: one of them runs the queues each tick. NEWSROOM_RUN_JOBS=false is checked here
      // as well as in src/server.ts: Payload's REST handler calls getPayload({ cron: true }), which starts the crons
      // of the instance the server made without them on the first API request.
      shouldAutoRun: (payload) => options.runJobs !== false && process.env.NEWSROOM_RUN_JOBS !== 'false' && runJobsOnOneInstance(payload),
      deleteJobOnComplete: true,
    },
    // Storage after the plugin: it wraps the Media collection the plugin adds.
    plugins: [newsroomPlugin(options.plugin), ...objectStoragePlugins(options.objectStorage)],
    // A database or Redis that does not answer → 503 with Retry-After instead of 500 (docs/operations.md).
    hooks: { afterError: [answerUnavailableWith503] },
    onInit: async (payload) => {
      keepPoolErrorsFromCrashing(payload)
      boundRedisCommands(payload)
      failRequestsWhoseCommitFails(payload)
      rollBackFailedJobUpdates(payload)
      routeReadsByRequest(payload)
      await sizeSqliteCache(payload, options.sqliteCacheMB ?? DEFAULT_SQLITE_CACHE_MB)
    },
  }
  return buildConfig(host)
}

