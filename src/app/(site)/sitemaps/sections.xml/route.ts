import { connection } from 'next/server'

import { siteUrl } from '../../../../site/config'
import { allSections } from '../../../../site/discovery'
import { urlSet, xmlResponse } from '../../../../site/xml'

/** `/sitemaps/sections.xml`: every section page. */
export async function GET() {
  await connection()
  const sections = await allSections()
  return xmlResponse(urlSet(sections.map((section) => ({ loc: `${siteUrl()}/sections/${encodeURIComponent(section.slug ?? '')}`, lastmod: section.updatedAt }))))
}
