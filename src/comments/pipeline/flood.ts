import { countAttempt } from '../flood'
import { databaseFloodCounter } from '../floodDatabase'
import { kvStore } from '../payload'
import { floodKey } from '../submission'
import { CommentRefusal } from './refusals'
import type { Phase } from './types'

/** More than floodLimitPerMinute from one user (or ipHash) → 429 with Retry-After; staff exempt. */
export const checkFlood: Phase<'req' | 'isStaff' | 'operation' | 'userId' | 'ipHash' | 'floodCount' | 'now' | 'settings'> = async (state) => {
  const { req } = state
  if (state.isStaff || state.operation !== 'create') return
  const who = floodKey(state.userId, state.ipHash)
  if (!who) return
  // The submit endpoint counted the attempt before the transaction began; Local API and GraphQL writes count here.
  const { count, retryAfter } =
    state.floodCount ?? (await countAttempt(kvStore(req.payload), who, state.now.getTime(), databaseFloodCounter(req.payload, req)))
  if (count > state.settings.floodLimitPerMinute) {
    const headers = req.responseHeaders ?? new Headers()
    headers.set('Retry-After', String(retryAfter))
    req.responseHeaders = headers
    throw new CommentRefusal(req, 429, 'comment.flood', { seconds: retryAfter })
  }
}
