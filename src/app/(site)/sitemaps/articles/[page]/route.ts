import { connection } from 'next/server'

import { articleLink, sitemapArticles } from '../../../../../site/discovery'
import { urlSet, xmlResponse } from '../../../../../site/xml'

/** `/sitemaps/articles/<n>.xml`: up to 50,000 indexable articles with their last change. */
export async function GET(_request: Request, { params }: { params: Promise<{ page: string }> }) {
  await connection()
  const match = /^([1-9][0-9]{0,4})\.xml$/.exec((await params).page)
  if (!match) return new Response('Not found', { status: 404 })
  const articles = await sitemapArticles(Number(match[1]))
  if (articles.length === 0 && match[1] !== '1') return new Response('Not found', { status: 404 })
  return xmlResponse(urlSet(articles.map((article) => ({ loc: articleLink(article.slug), lastmod: article.updatedAt }))))
}
