import { APIError, type Endpoint } from 'payload'

import { conditionalResponse, entityTag, SHORT_PUBLIC_CACHE } from '../../http/conditional'
import { commentMessage } from '../messages'
import { storedIdOf } from '../payload'

/** At most this many articles per request (a list page, a home page). */
export const MAX_COUNT_IDS = 100

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
    const raw = req.searchParams?.getAll('articles').join(',') ?? ''
    const asked = [...new Set(raw.split(',').map((part) => part.trim()).filter(Boolean))]
    if (!asked.length) throw badRequest(req, 'counts.articles.required')
    if (asked.length > MAX_COUNT_IDS) throw badRequest(req, 'counts.articles.too_many', { max: MAX_COUNT_IDS })
    const ids = asked.map((value) => storedIdOf(req.payload, value))
    const invalid = asked.filter((_, i) => ids[i] === undefined)
    if (invalid.length) throw badRequest(req, 'counts.articles.invalid', { ids: invalid.slice(0, 5).join(', ') })

    // Read as the public reads (published articles only), whoever the caller is: never the Local API's override.
    const found = await req.payload.find({
      collection: 'articles',
      where: { and: [{ id: { in: ids } }, { _status: { equals: 'published' } }] },
      select: { commentCount: true },
      limit: MAX_COUNT_IDS,
      pagination: false,
      depth: 0,
      overrideAccess: false,
      user: undefined,
      req,
    })
    const byId = new Map(found.docs.map((doc) => [String(doc.id), doc.commentCount ?? 0]))
    const counts = Object.fromEntries(asked.map((value, i) => [value, byId.get(String(ids[i])) ?? 0]))
    // The counts are the answer's whole content: their hash is its version.
    return conditionalResponse({ headers: req.headers }, entityTag('counts', counts), SHORT_PUBLIC_CACHE, () => ({ counts }))
  },
}
