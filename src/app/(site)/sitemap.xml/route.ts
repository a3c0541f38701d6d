import { connection } from 'next/server'

import { countIndexable, URLS_PER_SITEMAP } from '../../../site/discovery'
import { siteUrl } from '../../../site/config'
import { sitemapIndex, xmlResponse } from '../../../site/xml'

/** `/sitemap.xml`: the index of the article sitemaps (paged), the sections' and the tags'. */
export async function GET() {
  await connection()
  const pages = Math.max(1, Math.ceil((await countIndexable()) / URLS_PER_SITEMAP))
  const base = siteUrl()
  return xmlResponse(
    sitemapIndex([
      ...Array.from({ length: pages }, (_, index) => ({ loc: `${base}/sitemaps/articles/${index + 1}.xml` })),
      { loc: `${base}/sitemaps/sections.xml` },
      { loc: `${base}/sitemaps/tags.xml` },
    ]),
  )
}
