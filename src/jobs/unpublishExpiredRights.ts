import type { TaskConfig } from 'payload'

import { isRightsWindowExpired, rightsWindowEnd, type SourceLike } from '../attribution'

/**
 * Hourly: unpublishes republished/translated articles whose Source's rights window has passed, recording
 * why in `statusNote` (and so in the version history).
 */
export const unpublishExpiredRights: TaskConfig<{ input: Record<string, never>; output: { unpublished: number } }> = {
  slug: 'unpublishExpiredRights',
  label: 'Unpublish articles whose rights window ended',
  inputSchema: [],
  outputSchema: [{ name: 'unpublished', type: 'number' }],
  schedule: [{ cron: '0 * * * *', queue: 'newsroom' }],
  handler: async ({ req }) => {
    const { payload } = req
    const now = new Date()
    const sources = await payload.find({
      collection: 'sources',
      where: { rightsWindowDays: { greater_than: 0 } },
      depth: 0,
      pagination: false,
      overrideAccess: true,
      req,
    })
    let unpublished = 0
    for (const source of sources.docs as (SourceLike & { id: number | string })[]) {
      const days = Number(source.rightsWindowDays)
      const cutoff = new Date(now.getTime() - days * 24 * 60 * 60 * 1000)
      const due = await payload.find({
        collection: 'articles',
        where: {
          and: [
            { source: { equals: source.id } },
            { _status: { equals: 'published' } },
            { origin: { in: ['republished', 'translated'] } },
            { publishedAt: { less_than_equal: cutoff.toISOString() } },
          ],
        },
        depth: 0,
        pagination: false,
        overrideAccess: true,
        req,
      })
      for (const article of due.docs) {
        if (!isRightsWindowExpired(article as never, source, now)) continue
        const ended = rightsWindowEnd(article as never, source)!
        await payload.update({
          collection: 'articles',
          id: article.id,
          data: {
            _status: 'draft',
            statusNote: `Unpublished automatically on ${now.toISOString()}: the rights window of ${source.name} (${days} days) ended on ${ended.toISOString()}.`,
          } as never,
          overrideAccess: true,
          context: { rightsWindow: true },
          req,
        })
        unpublished++
      }
    }
    return { output: { unpublished } }
  },
}
