import { connection } from 'next/server'

import { siteUrl } from '../../../../site/config'
import { allTags } from '../../../../site/discovery'
import { urlSet, xmlResponse } from '../../../../site/xml'

/** `/sitemaps/tags.xml`: every tag page. */
export async function GET() {
  await connection()
  const tags = await allTags()
  return xmlResponse(urlSet(tags.map((tag) => ({ loc: `${siteUrl()}/tags/${encodeURIComponent(tag.slug ?? '')}`, lastmod: tag.updatedAt }))))
}
