import type { Endpoint, PayloadRequest } from 'payload'

import { conditionalResponse, entityTag, type CachePolicy } from '../http/conditional'

import { buildNewsArticleJsonLd, numberImages, type ArticleLike, type MediaLike } from '../attribution'
import { siteInfo } from '../siteInfo'

const mediaDoc = (value: unknown): MediaLike | null => (value && typeof value === 'object' ? (value as MediaLike) : null)

/** JSON-LD changes when an editor saves: a minute of freshness, revalidated in the background. */
const JSONLD_CACHE: CachePolicy = { maxAge: 60, staleWhileRevalidate: 300 }

/**
 * `GET /api/articles/:id/jsonld`: schema.org NewsArticle for the article, with `isBasedOn` the original for
 * republished items and each image's creator, credit and licence. Anonymous callers: published only.
 */
export const articleJsonLdEndpoint: Endpoint = {
  path: '/:id/jsonld',
  method: 'get',
  handler: async (req: PayloadRequest) => {
    const id = req.routeParams?.id
    const article =
      typeof id === 'string' || typeof id === 'number'
        ? await req.payload
            .findByID({ collection: 'articles', id, depth: 2, overrideAccess: false, user: req.user, req, disableErrors: true })
            .catch(() => null)
        : null
    if (!article) return Response.json({ errors: [{ message: 'Article not found.' }] }, { status: 404 })
    const source = article.source && typeof article.source === 'object' ? article.source : null
    const images: MediaLike[] = []
    const hero = mediaDoc(article.heroImage)
    if (hero) images.push(hero)
    for (const image of numberImages(article.content)) {
      const doc = mediaDoc(image.media)
      if (doc) images.push({ ...doc, caption: image.caption || doc.caption })
    }
    // The stored attribution group has nulls where the pure module's type has optional fields; the values agree.
    const jsonld = buildNewsArticleJsonLd(article as ArticleLike, source, images, siteInfo(req))
    // The document is its own version: a change to the article, its Source or an image changes the hash.
    return conditionalResponse(req, entityTag('jsonld', jsonld), JSONLD_CACHE, () => jsonld, 'application/ld+json; charset=utf-8')
  },
}
