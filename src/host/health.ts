import type { Payload } from 'payload'

const HEALTH_TIMEOUT_MS = 3000

export type Health = { status: 'ok'; db: 'ok' } | { status: 'error'; db: string }

/** One real database round trip (a count on the users collection), bounded in time. */
export const checkHealth = async (payload: Payload, usersSlug = 'users'): Promise<Health> => {
  let timer: NodeJS.Timeout | undefined
  try {
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${HEALTH_TIMEOUT_MS} ms`)), HEALTH_TIMEOUT_MS)
    })
    await Promise.race([payload.count({ collection: usersSlug as 'users', overrideAccess: true }), timeout])
    return { status: 'ok', db: 'ok' }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    return { status: 'error', db: message.split('\n')[0].slice(0, 200) || 'unreachable' }
  } finally {
    clearTimeout(timer)
  }
}
