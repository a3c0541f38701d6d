/**
 * The app that hosts the plugin: `npm run dev`, `npm start`, the Next routes and the `payload` CLI load it.
 * Settings come from the environment (see README: DATABASE_URI, PAYLOAD_SECRET, REDIS_URL, SQLITE_CACHE_MB, SMTP_*).
 */
import { createNewsroomConfig } from './config'
import { DatabaseUriError, parseSqliteCacheMB, SettingError } from './database'
import { resolvePayloadSecret, SecretError } from './secret'

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
      secret: resolvePayloadSecret(),
      serverURL: process.env.SERVER_URL,
      redisUrl: process.env.REDIS_URL,
      sqliteCacheMB: parseSqliteCacheMB(process.env.SQLITE_CACHE_MB),
      plugin: {
        siteUrl: process.env.SITE_URL,
        siteName: process.env.SITE_NAME,
        // The reader site inside this server by default; SITE_REVALIDATE_URL for one deployed apart ('off': none).
        siteRevalidateUrl: siteRevalidateUrl(process.env),
      },
    })
  } catch (error) {
    return exitOnConfigError(error)
  }
}

export default load()
