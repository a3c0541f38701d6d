/**
 * Login throttling per client address, on top of Payload's per-account lockout: after `maxFailures` failed logins
 * in one minute from one address (whichever accounts they tried), further logins from it answer 429 with
 * `Retry-After` until the minute ends. Failures are counted in Payload's KV store like the comment flood rule
 * (Redis INCR when `REDIS_URL` is set, so every instance shares them; one upsert on the database KV table otherwise).
 */
import { APIError, type Payload, type PayloadRequest } from 'payload'

import { attemptsSoFar, countAttempt } from '../comments/flood'
import { databaseFloodCounter } from '../comments/floodDatabase'
import { requestFingerprints } from '../comments/identity'
import { kvStore } from '../comments/payload'

/** Failed logins per minute from one address before it is refused (`LOGIN_MAX_FAILURES_PER_MINUTE`). */
export const DEFAULT_LOGIN_FAILURES_PER_MINUTE = 10

export const loginFailuresPerMinute = (payload: Payload): number => {
  const configured = (payload.config.custom?.newsroom as { loginFailuresPerMinute?: number } | undefined)?.loginFailuresPerMinute
  return configured && configured > 0 ? configured : DEFAULT_LOGIN_FAILURES_PER_MINUTE
}

const throttleKey = (req: Pick<PayloadRequest, 'headers' | 'payload'>) => {
  const { ipHash } = requestFingerprints(req)
  return ipHash ? `login:ip:${ipHash}` : undefined
}

const tooMany = (req: PayloadRequest, retryAfter: number) => {
  const headers = req.responseHeaders ?? new Headers()
  headers.set('Retry-After', String(retryAfter))
  req.responseHeaders = headers
  const message =
    req.i18n?.language === 'zh'
      ? `登录失败次数过多，请 ${retryAfter} 秒后再试。`
      : `Too many failed logins from your address. Please wait ${retryAfter} seconds and try again.`
  return new APIError(message, 429, { code: 'login.throttled', retryAfter }, true)
}

/** Before a login: refuse it when this address already failed too often this minute. */
export const refuseThrottledLogin = async (req: PayloadRequest): Promise<void> => {
  const key = throttleKey(req)
  if (!key) return
  const { count, retryAfter } = await attemptsSoFar(kvStore(req.payload), key)
  if (count >= loginFailuresPerMinute(req.payload)) throw tooMany(req, retryAfter)
}

/** After an error: a failed login (wrong e-mail or password, locked account) counts against the address. */
export const countFailedLogin = async (error: unknown, req: PayloadRequest): Promise<void> => {
  // GraphQL hands hooks a GraphQLError wrapping the operation's own error.
  const failure = error as { name?: string; originalError?: { name?: string } } | null
  const name = failure?.originalError?.name ?? failure?.name
  if (name !== 'AuthenticationError' && name !== 'LockedAuth') return
  const key = throttleKey(req)
  if (!key) return
  await countAttempt(kvStore(req.payload), key, Date.now(), databaseFloodCounter(req.payload)).catch((failure: unknown) =>
    req.payload.logger.warn({ err: failure, msg: 'newsroom: could not count a failed login' }),
  )
}
