/**
 * The app that hosts the plugin: `npm run dev`, `npm start`, the Next routes and the `payload` CLI load it.
 * Settings come from the environment (see README: DATABASE_URI, PAYLOAD_SECRET, REDIS_URL, SQLITE_CACHE_MB, SMTP_*).
 */
import { createNewsroomConfig } from './config'
import { DatabaseUriError, parseSqliteCacheMB, SettingError } from './database'
import { resolvePayloadSecret, SecretError } from './secret'
import { trustedOrigins } from './security/origins'

const exitOnConfigError = (error: unknown): never => {
  if (error instanceof DatabaseUriError || error instanceof SecretError || error instanceof SettingError) {
    console.error(`payload-newsroom: ${error.message}`)
    process.exit(1)
  }
  throw error
}

const load = () => {
  try {
    return createNewsroomConfig({
      databaseUri: process.env.DATABASE_URI,
      secret: resolvePayloadSecret(),
      serverURL: process.env.SERVER_URL,
      redisUrl: process.env.REDIS_URL,
      sqliteCacheMB: parseSqliteCacheMB(process.env.SQLITE_CACHE_MB),
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
      },
    })
  } catch (error) {
    return exitOnConfigError(error)
  }
}

export default load()
