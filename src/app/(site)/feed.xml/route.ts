import { connection } from 'next/server'

import { siteUrl } from '../../../site/config'
import { feedItems } from '../../../site/discovery'
import { loadSite } from '../../../site/settings'
import { rssFeed, xmlResponse } from '../../../site/xml'

/** `/feed.xml`: RSS 2.0 of the latest 50 articles. */
export async function GET() {
  await connection()
  const [site, items] = await Promise.all([loadSite(), feedItems()])
  const base = siteUrl()
  return xmlResponse(
    rssFeed({ title: site.name, link: `${base}/`, description: site.slogan || site.name, language: site.language, self: `${base}/feed.xml` }, items),
    'application/rss+xml',
  )
}
