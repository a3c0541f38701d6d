/**
 * The reader site's access to the CMS: anonymous reads of the public REST API (as any external site makes them),
 * typed from the generated payload-types, cached by Next under the tags of src/site/cacheTags.ts until the
 * outbox revalidates them.
 */
import { stringify } from 'qs-esm'

import type { Article, Comment, Section, SiteSetting, Tag } from '../payload-types'
import { cacheTags } from './cacheTags'
import { cmsUrl, siteCacheEnabled } from './config'

export interface Page<T> {
  docs: T[]
  totalDocs: number
  totalPages: number
  page: number
  limit: number
  hasNextPage: boolean
  hasPrevPage: boolean
}

export class CmsError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message)
  }
}

/** One GET of the public API, cached under `tags` (and forever, until one of them is revalidated). */
export const cmsGet = async <T>(path: string, tags: string[]): Promise<T> => {
  const response = await fetch(
    `${cmsUrl()}${path}`,
    siteCacheEnabled() ? { headers: { Accept: 'application/json' }, cache: 'force-cache', next: { tags } } : { headers: { Accept: 'application/json' }, cache: 'no-store' },
  )
  if (!response.ok) throw new CmsError(response.status, `CMS answered ${response.status} for ${path}`)
  return (await response.json()) as T
}

const query = (params: Record<string, unknown>) => stringify(params, { addQueryPrefix: true, encodeValuesOnly: true })

/** What every page needs: the settings with their navigation sections and logo. Empty settings when never saved. */
export const getSiteSettings = () => cmsGet<SiteSetting>(`/api/globals/site-settings${query({ depth: 1 })}`, [cacheTags.settings, cacheTags.sections])

/** Fields of an article a list shows (title, date, credit, comment count, hero image, section). */
const LIST_SELECT = {
  title: true,
  slug: true,
  excerpt: true,
  publishedAt: true,
  commentCount: true,
  heroImage: true,
  section: true,
  attribution: { creditLine: true },
}

export type ListArticle = Pick<Article, 'id' | 'title' | 'slug' | 'excerpt' | 'publishedAt' | 'commentCount' | 'heroImage' | 'section' | 'attribution'>

export const MAX_PAGE_SIZE = 50

/** Published articles, newest first, in one request (comment counts are the articles' own `commentCount`). */
export const listArticles = (options: { where?: Record<string, unknown>; page?: number; limit?: number; tags?: string[] } = {}) =>
  cmsGet<Page<ListArticle>>(
    `/api/articles${query({
      where: options.where,
      sort: '-publishedAt',
      limit: Math.min(options.limit ?? 20, MAX_PAGE_SIZE),
      page: options.page ?? 1,
      depth: 1,
      select: LIST_SELECT,
    })}`,
    [cacheTags.articles, ...(options.tags ?? [])],
  )

/** The full article for its page (uploads and source populated), or null. */
export const getArticleBySlug = async (slug: string): Promise<Article | null> => {
  const found = await cmsGet<Page<Article>>(`/api/articles${query({ where: { slug: { equals: slug } }, depth: 2, limit: 1 })}`, [cacheTags.article(slug)])
  return found.docs[0] ?? null
}

/** schema.org JSON-LD of the article, as the CMS builds it. */
export const getArticleJsonLd = (article: Pick<Article, 'id' | 'slug'>) =>
  cmsGet<Record<string, unknown>>(`/api/articles/${article.id}/jsonld`, [cacheTags.article(article.slug ?? String(article.id))])

export type ThreadComment = Pick<Comment, 'id' | 'authorName' | 'body' | 'featured' | 'createdAt'> & { parent: number | null; replies: ThreadComment[] }
export type Thread = Page<ThreadComment> & { order: string }

/** The approved thread of an article (top-level comments paginated, replies nested). */
export const getThread = (articleId: number | string, page = 1) =>
  cmsGet<Thread>(`/api/articles/${articleId}/comments${query({ page, limit: 20 })}`, [cacheTags.comments(articleId)])

export const getSectionBySlug = async (slug: string): Promise<Section | null> => {
  const found = await cmsGet<Page<Section>>(`/api/sections${query({ where: { slug: { equals: slug } }, depth: 0, limit: 1 })}`, [cacheTags.section(slug), cacheTags.sections])
  return found.docs[0] ?? null
}

export const getTagBySlug = async (slug: string): Promise<Tag | null> => {
  const found = await cmsGet<Page<Tag>>(`/api/tags${query({ where: { slug: { equals: slug } }, depth: 0, limit: 1 })}`, [cacheTags.tag(slug), cacheTags.tags])
  return found.docs[0] ?? null
}

/** Every section (≤ 500), ordered, for sitemaps. */
export const listSections = () =>
  cmsGet<Page<Section>>(`/api/sections${query({ sort: 'order', limit: 500, depth: 0, select: { name: true, slug: true, updatedAt: true } })}`, [cacheTags.sections])

/** Tags (paged), for sitemaps. */
export const listTags = (page = 1) =>
  cmsGet<Page<Tag>>(`/api/tags${query({ sort: 'slug', limit: 1000, page, depth: 0, select: { name: true, slug: true, updatedAt: true } })}`, [cacheTags.tags])

/** Search over titles and excerpts (substring match, so Chinese works without word splitting). */
export const searchArticles = (q: string, page = 1) =>
  listArticles({ where: { or: [{ title: { like: q } }, { excerpt: { like: q } }] }, page })
