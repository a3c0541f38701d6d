import type { Endpoint, PayloadRequest } from 'payload'

import { buildNewsArticleJsonLd, numberImages, type MediaLike } from '../attribution'
import { siteInfo } from '../../hooks/siteInfo'

const mediaDoc = (value: unknown): MediaLike | null => (value && typeof value === 'object' ? (value as MediaLike) : null)

/**
 * `GET /api/articles/:id/jsonld`: schema.org NewsArticle for the article, with `isBasedOn` the original for
 * republished items and each image's creator, credit and licence. Anonymous callers: published only.
 */
export const articleJsonLdEndpoint: Endpoint = {
  path: '/:id/jsonld',
  method: 'get',
  handler: async (req: PayloadRequest) => {
    const id = req.routeParams?.id as string
    let article: any
    try {
      article = await req.payload.findByID({
        collection: 'articles',
        id,
        depth: 2,
        overrideAccess: false,
        user: req.user,
        req,
      })
    } catch {
      return Response.json({ errors: [{ message: 'Article not found.' }] }, { status: 404 })
    }
    const source = article.source && typeof article.source === 'object' ? article.source : null
    const images: MediaLike[] = []
    const hero = mediaDoc(article.heroImage)
    if (hero) images.push(hero)
    for (const image of numberImages(article.content)) {
      const doc = mediaDoc(image.media)
      if (doc) images.push({ ...doc, caption: image.caption || doc.caption })
    }
    const jsonld = buildNewsArticleJsonLd(article, source, images, siteInfo(req))
    return new Response(JSON.stringify(jsonld), {
      status: 200,
      headers: { 'Content-Type': 'application/ld+json; charset=utf-8' },
    })
  },
}
