import { APIError, type Endpoint, type PayloadRequest } from 'payload'

import { MAX_REPLY_LEVEL } from '../../../hooks/comments/pipeline'
import { commentMessage } from '../messages'

const PUBLIC_SELECT = { article: true, parent: true, authorName: true, body: true, featured: true, editedAt: true, createdAt: true }
const MAX_LIMIT = 100
const MAX_REPLIES_PER_LEVEL = 2000

type PublicComment = Record<string, unknown> & { id: number | string; replies: PublicComment[] }

const idOf = (value: unknown) =>
  value && typeof value === 'object' && 'id' in value ? (value as { id: number | string }).id : (value as number | string | undefined)

const positiveInt = (value: string | null | undefined, fallback: number) => {
  const n = Number(value)
  return Number.isInteger(n) && n > 0 ? n : fallback
}

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
  } as any)
  const toNode = (doc: any): PublicComment => ({ ...doc, article: idOf(doc.article), parent: idOf(doc.parent) ?? null, replies: [] })
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
    } as any)
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

/** `GET /api/articles/:id/comments?page=&limit=&order=newest|oldest` */
export const articleCommentsEndpoint: Endpoint = {
  path: '/:id/comments',
  method: 'get',
  handler: async (req) => {
    const id = req.routeParams?.id as string
    // The caller must be allowed to read the article (anonymous callers: published articles only).
    const article = await req.payload
      .findByID({ collection: 'articles', id, depth: 0, overrideAccess: false, user: req.user, select: { id: true }, req, disableErrors: true } as any)
      .catch(() => null)
    if (!article) throw new APIError(commentMessage('article.not_found', req), 404, { code: 'article.not_found' }, true)
    const params = req.searchParams
    const order = params?.get('order') ?? params?.get('sort')
    const thread = await approvedThread(req, (article as { id: number | string }).id, {
      page: positiveInt(params?.get('page'), 1),
      limit: positiveInt(params?.get('limit'), 20),
      order: order === 'oldest' || order === 'createdAt' ? 'oldest' : 'newest',
    })
    return Response.json(thread)
  },
}
