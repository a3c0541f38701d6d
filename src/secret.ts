import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

export const MIN_SECRET_LENGTH = 32

export class SecretError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'SecretError'
  }
}

/**
 * The secret Payload signs tokens with. In production it must come from `PAYLOAD_SECRET` (≥ 32 characters).
 * In development a random one is generated once and kept in `<dataDir>/.payload-secret`, so logins survive
 * restarts and nobody has to invent one.
 */
export const resolvePayloadSecret = (
  env: NodeJS.ProcessEnv = process.env,
  dataDir = path.resolve('data'),
): string => {
  const given = env.PAYLOAD_SECRET?.trim()
  // `next build` loads the config to collect routes but never signs a token: it needs no real secret.
  if (env.NEXT_PHASE === 'phase-production-build' && !given) return 'next-build-phase-has-no-secret-of-its-own'
  if (env.NODE_ENV === 'production') {
    if (!given) {
      throw new SecretError(
        `PAYLOAD_SECRET is not set: in production it must be a random string of at least ${MIN_SECRET_LENGTH} characters (try: openssl rand -hex 32)`,
      )
    }
    if (given.length < MIN_SECRET_LENGTH) {
      throw new SecretError(
        `PAYLOAD_SECRET is too short (${given.length} characters): in production it must be at least ${MIN_SECRET_LENGTH} (try: openssl rand -hex 32)`,
      )
    }
    return given
  }
  if (given) return given
  const file = path.join(dataDir, '.payload-secret')
  try {
    const kept = fs.readFileSync(file, 'utf8').trim()
    if (kept.length >= MIN_SECRET_LENGTH) return kept
  } catch {
    // not generated yet
  }
  const secret = crypto.randomBytes(32).toString('hex')
  fs.mkdirSync(dataDir, { recursive: true })
  fs.writeFileSync(file, `${secret}\n`, { mode: 0o600 })
  return secret
}
