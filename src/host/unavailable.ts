import type { Config, PayloadRequest } from 'payload'

/** Seconds a client is told to wait (Retry-After) when the database or Redis does not answer. */
export const UNAVAILABLE_RETRY_AFTER_S = 5

// PostgreSQL SQLSTATEs of a server going away or refusing connections (57P0x shutdown, 08xxx connection, 53300 too many).
const UNAVAILABLE_SQLSTATES = new Set(['57P01', '57P02', '57P03', '08000', '08001', '08003', '08004', '08006', '53300'])
const UNAVAILABLE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'SQLITE_BUSY', 'SQLITE_BUSY_SNAPSHOT'])
const UNAVAILABLE_MESSAGES = [
  /Connection terminated/i, // pg: the server closed the connection
  /timeout exceeded when trying to connect/i, // pg pool: no connection within connectionTimeoutMillis
  /Client has encountered a connection error/i,
  /Connection is closed/i, // ioredis
  /Command timed out/i, // ioredis commandTimeout
  /Reached the max retries per request limit/i, // ioredis
  /database is locked|SQLITE_BUSY/i,
  /the database system is (starting up|shutting down|in recovery mode)/i,
]

/** True when an error (or one of its causes) says the database or Redis is gone or not answering, not that the request was bad. */
export const isUnavailableError = (error: unknown): boolean => {
  const seen = new Set<unknown>()
  let current = error
  while (current && typeof current === 'object' && !seen.has(current)) {
    seen.add(current)
    const { code, message, name } = current as { code?: unknown; message?: unknown; name?: unknown }
    if (typeof code === 'string' && (UNAVAILABLE_SQLSTATES.has(code) || UNAVAILABLE_CODES.has(code))) return true
    if (name === 'MaxRetriesPerRequestError') return true
    if (typeof message === 'string' && UNAVAILABLE_MESSAGES.some((pattern) => pattern.test(message))) return true
    current = (current as { cause?: unknown }).cause
  }
  return false
}

type AfterErrorHook = NonNullable<NonNullable<Config['hooks']>['afterError']>[number]

/**
 * An API request that failed because the database or Redis did not answer gets 503 with Retry-After, not
 * Payload's 500: the client may retry, and monitoring tells an outage from a bug. The error is still logged.
 */
export const answerUnavailableWith503: AfterErrorHook = ({ error, req }) => {
  const status = (error as { status?: number }).status
  if ((status && status < 500) || !isUnavailableError(error)) return
  const headers = (req as PayloadRequest).responseHeaders ?? new Headers()
  headers.set('Retry-After', String(UNAVAILABLE_RETRY_AFTER_S))
  ;(req as PayloadRequest).responseHeaders = headers
  return {
    status: 503,
    response: { errors: [{ message: 'The service is briefly unavailable (database or cache not answering); try again shortly.' }] },
  }
}
