import { APIError, type Endpoint } from 'payload'

import { conditionalResponse, SHORT_PUBLIC_CACHE } from '../../http/conditional'
import { countIds, countsTag, publicCommentCounts } from '../../http/publicTags'
import { commentMessage } from '../messages'

export { MAX_COUNT_IDS } from '../../http/publicTags'

const badRequest = (req: Parameters<Endpoint['handler']>[0], code: string, vars: Record<string, unknown> = {}) =>
  new APIError(commentMessage(code, req, vars), 400, { code, ...vars }, true)

/**
 * `GET /api/comments/counts?articles=1,2,3` → `{"counts":{"1":2,"2":0,"3":5}}`: approved comments of published
 * articles, for the comment counts of a list in one request. Unknown and unpublished ids count 0, whoever asks (the
 * answer is public and cacheable). At most 100 ids; anything else is 400 naming the problem.
 */
export const commentCountsEndpoint: Endpoint = {
  path: '/counts',
  method: 'get',
  handler: async (req) => {
    const parsed = countIds(req.payload, req.searchParams)
    if ('error' in parsed) throw badRequest(req, parsed.error, parsed.vars)
    // Read as the public reads (published articles only), whoever the caller is: never the Local API's override.
    const counts = await publicCommentCounts(req.payload, parsed.asked, parsed.ids, req)
    // The same tag the host's fast path compares (src/host/conditionalReads.ts): one function builds both.
    return conditionalResponse({ headers: req.headers }, countsTag(counts), SHORT_PUBLIC_CACHE, () => ({ counts }))
  },
}
