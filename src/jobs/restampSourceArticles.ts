import type { TaskConfig } from 'payload'

import { computeArticleAttribution, type SourceLike } from '../attribution'
import { siteInfo } from '../siteInfo'

const PAGE = 100

/**
 * Re-stamps the attribution of every article of a Source after the Source changed. Writes the stamped
 * group straight to the stored document: re-stamping is not an editorial change, so it makes no new version
 * and does not run the publish gate again.
 */
export const restampSourceArticles: TaskConfig<{ input: { sourceId: number | string }; output: { restamped: number } }> = {
  slug: 'restampSourceArticles',
  label: 'Re-stamp the articles of a source',
  inputSchema: [{ name: 'sourceId', type: 'text', required: true }],
  outputSchema: [{ name: 'restamped', type: 'number' }],
  retries: 3,
  handler: async ({ input, req }) => {
    const { payload } = req
    const source = (await payload.findByID({ collection: 'sources', id: input.sourceId, depth: 0, overrideAccess: true, req })) as SourceLike
    const site = siteInfo(req)
    let restamped = 0
    for (let page = 1; ; page++) {
      const batch = await payload.find({
        collection: 'articles',
        where: { source: { equals: input.sourceId } },
        depth: 0,
        limit: PAGE,
        page,
        overrideAccess: true,
        req,
      })
      for (const article of batch.docs) {
        const attribution = computeArticleAttribution(article as never, source, site, new Date())
        await payload.db.updateOne({ collection: 'articles', id: article.id, data: { attribution }, req })
        restamped++
      }
      if (!batch.hasNextPage) break
    }
    return { output: { restamped } }
  },
}
