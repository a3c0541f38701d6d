import { connection } from 'next/server'

import { getSectionBySlug } from '../../../../../site/api'
import { siteUrl } from '../../../../../site/config'
import { feedItems } from '../../../../../site/discovery'
import { loadSite, sectionName } from '../../../../../site/settings'
import { rssFeed, xmlResponse } from '../../../../../site/xml'

/** `/sections/<slug>/feed.xml`: RSS 2.0 of a section's latest 50 articles. */
export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  await connection()
  const section = await getSectionBySlug(decodeURIComponent((await params).slug))
  if (!section) return new Response('Not found', { status: 404 })
  const [site, items] = await Promise.all([loadSite(), feedItems(section.id)])
  const base = siteUrl()
  return xmlResponse(
    rssFeed(
      {
        title: `${sectionName(section, site.isChinese)} - ${site.name}`,
        link: `${base}/sections/${section.slug}`,
        description: section.description || site.slogan || site.name,
        language: site.language,
        self: `${base}/sections/${section.slug}/feed.xml`,
      },
      items,
    ),
    'application/rss+xml',
  )
}
