import { APIError, type Endpoint, type PayloadRequest } from 'payload'

import { MAX_REPLY_LEVEL } from '../constants'
import { commentMessage } from '../messages'
import { conditionalResponse, SHORT_PUBLIC_CACHE } from '../../http/conditional'
import { MAX_THREAD_LIMIT, threadOptions, threadTag, threadVersion } from '../../http/publicTags'
import { idOf, storedIdOf, type Comment } from '../payload'

const PUBLIC_SELECT = { article: true, parent: true, authorName: true, body: true, featured: true, editedAt: true, createdAt: true } as const
const MAX_LIMIT = MAX_THREAD_LIMIT
const MAX_REPLIES_PER_LEVEL = 2000

type PublicComment = Record<string, unknown> & { id: number | string; replies: PublicComment[] }

/** The approved thread of an article: top-level comments paginated (featured first), replies nested under them. */
export const approvedThread = async (
  req: PayloadRequest,
  articleId: number | string,
  options: { page?: number; limit?: number; order?: 'newest' | 'oldest' } = {},
) => {
  const limit = Math.min(options.limit ?? 20, MAX_LIMIT)
  const order = options.order === 'oldest' ? 'createdAt' : '-createdAt'
  const top = await req.payload.find({
    collection: 'comments',
    where: { and: [{ article: { equals: articleId } }, { status: { equals: 'approved' } }, { parent: { exists: false } }] },
    sort: ['-featured', order],
    page: options.page ?? 1,
    limit,
    depth: 0,
    select: PUBLIC_SELECT,
    overrideAccess: true,
    req,
  })
  const toNode = (doc: Pick<Comment, 'id' | 'article' | 'parent'>): PublicComment => ({ ...doc, article: idOf(doc.article), parent: idOf(doc.parent) ?? null, replies: [] })
  const roots = top.docs.map(toNode)
  let level = roots
  // Replies level by level (≤ MAX_REPLY_LEVEL queries), each an indexed lookup by parent.
  for (let depth = 0; depth < MAX_REPLY_LEVEL && level.length; depth++) {
    const byId = new Map(level.map((node) => [String(node.id), node]))
    const replies = await req.payload.find({
      collection: 'comments',
      where: { and: [{ parent: { in: [...byId.keys()] } }, { status: { equals: 'approved' } }] },
      // (parent, date) is the order of the (parent, status, createdAt) index: no sort step, no table scan.
      sort: ['parent', 'createdAt'],
      limit: MAX_REPLIES_PER_LEVEL,
      pagination: false,
      depth: 0,
      select: PUBLIC_SELECT,
      overrideAccess: true,
      req,
    })
    const next: PublicComment[] = []
    for (const doc of replies.docs) {
      const node = toNode(doc)
      byId.get(String(node.parent))?.replies.push(node)
      next.push(node)
    }
    level = next
  }
  return {
    docs: roots,
    totalDocs: top.totalDocs,
    limit: top.limit,
    page: top.page,
    totalPages: top.totalPages,
    hasNextPage: top.hasNextPage,
    hasPrevPage: top.hasPrevPage,
    order: options.order === 'oldest' ? 'oldest' : 'newest',
  }
}

/**
 * `GET /api/articles/:id/comments?page=&limit=&order=newest|oldest`, with an `ETag` (304 when the caller's copy is
 * current) and a short public `Cache-Control` for sites and CDNs.
 */
export const articleCommentsEndpoint: Endpoint = {
  path: '/:id/comments',
  method: 'get',
  handler: async (req) => {
    const id = storedIdOf(req.payload, req.routeParams?.id)
    const notFound = () => new APIError(commentMessage('article.not_found', req), 404, { code: 'article.not_found' }, true)
    // An id the database cannot hold names no article: 404 before any query.
    if (id === undefined) throw notFound()
    // The caller must be allowed to read the article (anonymous callers: published articles only).
    const article = await req.payload
      .findByID({ collection: 'articles', id, depth: 0, overrideAccess: false, user: req.user, select: { slug: true }, req, disableErrors: true })
      .catch(() => null)
    if (!article) throw notFound()
    const options = threadOptions(req.searchParams)
    // The same tag the host's fast path compares (src/host/conditionalReads.ts): one function builds both.
    const tag = threadTag(article.id, options, await threadVersion(req.payload, article.id))
    return conditionalResponse(req, tag, SHORT_PUBLIC_CACHE, () => approvedThread(req, article.id, options))
  },
}
