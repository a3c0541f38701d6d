/**
 * The app that hosts the plugin: `npm run dev`, `npm start`, the Next routes and the `payload` CLI load it.
 * Settings come from the environment (see README: DATABASE_URI, DATABASE_REPLICA_URIS, PAYLOAD_SECRET, REDIS_URL, REDIS_PREFIX, SQLITE_CACHE_MB, S3_*, SMTP_*).
 */
import { createNewsroomConfig } from './config'
import { DatabaseUriError, parseDatabaseUri, parseReplicaUris, parseSqliteCacheMB, SettingError } from './database'
import { parseObjectStorage } from './objectStorage'
import { resolvePayloadSecret, SecretError } from './secret'
import { trustedOrigins } from './security/origins'

const exitOnConfigError = (error: unknown): never => {
  if (error instanceof DatabaseUriError || error instanceof SecretError || error instanceof SettingError) {
    console.error(`payload-newsroom: ${error.message}`)
    process.exit(1)
  }
  throw error
}

const siteRevalidateUrl = (env: NodeJS.ProcessEnv): string | undefined => {
  if (env.SITE_REVALIDATE_URL === 'off') return undefined
  return env.SITE_REVALIDATE_URL || `http://127.0.0.1:${env.PORT || 3000}/revalidate`
}

const load = () => {
  try {
    return createNewsroomConfig({
      databaseUri: process.env.DATABASE_URI,
      readReplicaUris: parseReplicaUris(process.env.DATABASE_REPLICA_URIS, parseDatabaseUri(process.env.DATABASE_URI)),
      secret: resolvePayloadSecret(),
      serverURL: process.env.SERVER_URL,
      redisUrl: process.env.REDIS_URL,
      redisPrefix: process.env.REDIS_PREFIX,
      sqliteCacheMB: parseSqliteCacheMB(process.env.SQLITE_CACHE_MB),
      objectStorage: parseObjectStorage(process.env),
      trustedOrigins: trustedOrigins({
        serverURL: process.env.SERVER_URL,
        siteURL: process.env.SITE_URL,
        extra: process.env.CORS_ORIGINS,
        port: process.env.PORT || 3000,
      }),
      plugin: {
        siteUrl: process.env.SITE_URL,
        siteName: process.env.SITE_NAME,
        loginFailuresPerMinute: Number(process.env.LOGIN_MAX_FAILURES_PER_MINUTE) || undefined,
        // The reader site inside this server by default; SITE_REVALIDATE_URL for one deployed apart ('off': none).
        siteRevalidateUrl: siteRevalidateUrl(process.env),
      },
    })
  } catch (error) {
    return exitOnConfigError(error)
  }
}

export default load()
