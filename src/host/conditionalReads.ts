import type { NextFunction, Request, Response } from 'express'
import { headersWithCors, type Payload, type PayloadRequest } from 'payload'

import { cacheHeaders, isNotModified, SHORT_PUBLIC_CACHE } from '../http/conditional'
import { countIds, countsTag, publicArticleId, publicCommentCounts, threadOptions, threadTag, threadVersion } from '../http/publicTags'
import { isPublicRead, readFromReplicas } from './replicas'

/**
 * The tag the endpoint would send an anonymous caller for this request, or undefined when the fast path cannot tell
 * (another path, an id that names no readable article, ids the endpoint refuses): the normal path answers those.
 */
const publicTag = async (payload: Payload, path: string, params: URLSearchParams): Promise<string | undefined> => {
  const api = payload.config.routes?.api ?? '/api'
  if (!path.startsWith(`${api}/`)) return undefined
  const rest = path.slice(api.length)
  const thread = /^\/articles\/([^/]+)\/comments$/.exec(rest)
  if (thread) {
    // Drafts, unpublished and unknown articles: not the public's; the endpoint answers them 404.
    const articleId = await publicArticleId(payload, thread[1])
    if (articleId === undefined) return undefined
    return threadTag(articleId, threadOptions(params), await threadVersion(payload, articleId))
  }
  if (rest === '/comments/counts') {
    const parsed = countIds(payload, params)
    if ('error' in parsed) return undefined
    return countsTag(await publicCommentCounts(payload, parsed.asked, parsed.ids))
  }
  return undefined
}

/**
 * A fast path for the conditional reads a site or a CDN repeats: an anonymous `GET` of the comment thread or the
 * comment counts with `If-None-Match` naming the current tag is answered 304 here, with the endpoint's headers, from
 * two cheap queries, without Next's routing and Payload's request creation. Anything else (a caller who is logged
 * in, a changed tag, an article the public may not read, a bad id) goes on to the endpoint, which answers as before.
 */
export const answerPublicNotModified = (getPayload: () => Promise<Payload>) => async (req: Request, res: Response, next: NextFunction) => {
  if (req.method !== 'GET' || !req.headers['if-none-match']) return next()
  // A logged-in caller may see more: their answers are private, and theirs to get from the endpoint.
  if (!isPublicRead(req.method, req.originalUrl, req.headers)) return next()
  const url = new URL(req.originalUrl, 'http://host')
  if (!/\/comments(\/counts)?$/.test(url.pathname)) return next()
  try {
    const payload = await getPayload()
    // An anonymous read, routed as the rest of the public's reads (a replica when there are any).
    const tag = await readFromReplicas(() => publicTag(payload, url.pathname, url.searchParams))
    const headers = new Headers({ 'if-none-match': String(req.headers['if-none-match']) })
    if (!tag || !isNotModified(headers, tag)) return next()
    const origin = req.headers.origin
    if (origin) headers.set('origin', origin)
    const answer = headersWithCors({ headers: new Headers(cacheHeaders(tag, SHORT_PUBLIC_CACHE, false)), req: { payload, headers } as unknown as PayloadRequest })
    answer.forEach((value, name) => res.setHeader(name, value))
    res.status(304).end()
  } catch {
    // Whatever went wrong, the endpoint answers (and reports) it.
    next()
  }
}
