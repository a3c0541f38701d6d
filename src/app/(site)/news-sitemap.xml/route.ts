import { connection } from 'next/server'

import { articleLink, newsArticles } from '../../../site/discovery'
import { loadSite } from '../../../site/settings'
import { newsSitemap, xmlResponse } from '../../../site/xml'

/** `/news-sitemap.xml`: Google News sitemap of the last 48 hours (publication name and language from the settings). */
export async function GET() {
  await connection()
  const [site, articles] = await Promise.all([loadSite(), newsArticles()])
  const publication = {
    name: site.settings.news?.publicationName || site.name,
    language: site.settings.news?.publicationLanguage || (site.isChinese ? 'zh-cn' : 'en'),
  }
  return xmlResponse(
    newsSitemap(
      publication,
      articles.map((article) => ({ loc: articleLink(article.slug), title: article.title, publishedAt: article.publishedAt! })),
    ),
  )
}
