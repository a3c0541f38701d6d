import type { CollectionBeforeChangeHook } from 'payload'

import { computeArticleAttribution } from '../../src/attribution'
import { siteInfo } from '../../src/siteInfo'
import { loadSource } from './loadSource'

/**
 * Recomputes the `attribution` group from the Source and the article on every save, for every caller
 * (REST, GraphQL, Local API with overrideAccess, jobs): whatever the client sent for it is discarded.
 * Also stamps `publishedAt` on the first publish and `createdBy` on create.
 */
export const stampAttribution: CollectionBeforeChangeHook = async ({ data, operation, originalDoc, req }) => {
  const article = { ...originalDoc, ...data }
  const publishing = data._status === 'published'
  if (publishing && !originalDoc?.publishedAt && !data.publishedAt) {
    data.publishedAt = new Date().toISOString()
    article.publishedAt = data.publishedAt
  } else if (originalDoc?.publishedAt) {
    // publishedAt is the first publication: nobody moves it later.
    data.publishedAt = originalDoc.publishedAt
  }
  if (operation === 'create' && req.user) data.createdBy = req.user.id
  const source = await loadSource(req, article.source)
  data.attribution = computeArticleAttribution(article, source, siteInfo(req), new Date())
  return data
}
