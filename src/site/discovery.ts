/** What sitemaps and feeds list, read through the public API (cached under the `articles`/`sections`/`tags` tags). */
import type { Article, Media } from '../payload-types'
import { cmsGet, listArticles, listSections, listTags, type Page } from './api'
import { cacheTags } from './cacheTags'
import { siteUrl } from './config'
import { mediaOf, mediaUrl } from './format'
import type { FeedItem } from './xml'

/** Sitemaps hold at most 50,000 URLs each (sitemaps.org). */
export const URLS_PER_SITEMAP = 50_000
const CHUNK = 5_000
export const NEWS_WINDOW_MS = 48 * 3_600_000
export const NEWS_MAX = 1_000
export const FEED_SIZE = 50

type SitemapArticle = Pick<Article, 'id' | 'slug' | 'title' | 'updatedAt' | 'publishedAt' | 'attribution'>

export const articleLink = (slug: string | null | undefined) => `${siteUrl()}/articles/${encodeURIComponent(slug ?? '')}`

/**
 * Indexable articles: `robots` without `noindex` (so `noindex-news` sources stay out) and a canonical URL on this
 * site (so `canonical-original` republications, whose canonical is the original, stay out).
 */
const INDEXABLE = { 'attribution.robots': { not_in: ['noindex, follow', 'noindex, nofollow', 'noindex'] } }
const ownCanonical = (article: SitemapArticle) => {
  const canonical = article.attribution?.canonicalUrl
  const robots = article.attribution?.robots ?? ''
  return !robots.includes('noindex') && (!canonical || canonical.startsWith(`${siteUrl()}/`))
}

const sitemapQuery = (where: Record<string, unknown>, page: number, limit: number, sort = '-publishedAt') => {
  const params = new URLSearchParams({ limit: String(limit), page: String(page), depth: '0', sort })
  for (const field of ['slug', 'title', 'updatedAt', 'publishedAt', 'attribution']) params.set(`select[${field}]`, 'true')
  const flatten = (prefix: string, value: unknown) => {
    if (value && typeof value === 'object' && !Array.isArray(value)) for (const [k, v] of Object.entries(value)) flatten(`${prefix}[${k}]`, v)
    else params.set(prefix, String(value))
  }
  flatten('where', where)
  return `/api/articles?${params.toString()}`
}

/** Number of indexable articles, to page the article sitemaps. */
export const countIndexable = async () => (await cmsGet<Page<SitemapArticle>>(sitemapQuery(INDEXABLE, 1, 1), [cacheTags.articles])).totalDocs

/** One article sitemap page (1-based), read from the API in chunks. */
export const sitemapArticles = async (page: number): Promise<SitemapArticle[]> => {
  const chunksPerPage = URLS_PER_SITEMAP / CHUNK
  const result: SitemapArticle[] = []
  for (let chunk = 1; chunk <= chunksPerPage; chunk++) {
    const found = await cmsGet<Page<SitemapArticle>>(sitemapQuery(INDEXABLE, (page - 1) * chunksPerPage + chunk, CHUNK), [cacheTags.articles])
    result.push(...found.docs)
    if (!found.hasNextPage) break
  }
  return result.filter(ownCanonical)
}

/** Articles first published in the last 48 hours, indexable, newest first, at most 1,000. */
export const newsArticles = async (now = Date.now()): Promise<SitemapArticle[]> => {
  // The cut-off is rounded to 10 minutes so the cached answer is reused; the exact window is applied below.
  const cutoff = new Date(Math.floor((now - NEWS_WINDOW_MS) / 600_000) * 600_000).toISOString()
  const found = await cmsGet<Page<SitemapArticle>>(sitemapQuery({ ...INDEXABLE, publishedAt: { greater_than_equal: cutoff } }, 1, NEWS_MAX), [cacheTags.articles])
  return found.docs.filter((article) => ownCanonical(article) && article.publishedAt && now - new Date(article.publishedAt).getTime() <= NEWS_WINDOW_MS)
}

export const allSections = async () => (await listSections()).docs
export const allTags = async () => {
  const tags = []
  for (let page = 1; page <= 50; page++) {
    const found = await listTags(page)
    tags.push(...found.docs)
    if (!found.hasNextPage) break
  }
  return tags
}

/** Feed items: the latest 50 (of a section when given), the credit line in the description, the hero as enclosure. */
export const feedItems = async (sectionId?: number | string): Promise<FeedItem[]> => {
  const where = sectionId === undefined ? undefined : { or: [{ section: { equals: sectionId } }, { sections: { in: [sectionId] } }] }
  const latest = await listArticles({ where, limit: FEED_SIZE })
  return latest.docs.map((article) => {
    const hero = mediaOf(article.heroImage) as Media | null
    const image = mediaUrl(hero)
    const credit = article.attribution?.creditLine
    return {
      title: article.title,
      link: articleLink(article.slug),
      // The id, not the slug or title: stable across edits.
      guid: `${siteUrl()}/articles/${article.id}#article-${article.id}`,
      description: [credit, article.excerpt].filter(Boolean).join(' — '),
      pubDate: article.publishedAt,
      enclosure: image && hero?.mimeType ? { url: image.startsWith('http') ? image : `${siteUrl()}${image}`, length: hero.filesize ?? 0, type: hero.mimeType } : null,
    }
  })
}
