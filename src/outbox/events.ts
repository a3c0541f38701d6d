import { cacheTags } from '../site/cacheTags'

/** The content events (the names issue 14's webhooks announce). */
export const CONTENT_EVENT_TYPES = [
  'article.published',
  'article.updated',
  'article.unpublished',
  'article.deleted',
  'comment.approved',
  'comment.removed',
  'comment.held',
  'section.changed',
  'tag.changed',
  'settings.changed',
  'source.changed',
] as const
export type ContentEventType = (typeof CONTENT_EVENT_TYPES)[number]

/** What changed, where a reader sees it, and which cache tags show it. No personal data. */
export interface ContentEvent {
  type: ContentEventType
  timestamp: string
  data: {
    collection: string
    id: number | string | null
    slug: string | null
    paths: string[]
    tags: string[]
  }
}

const unique = (values: (string | null | undefined)[]) => [...new Set(values.filter((value): value is string => Boolean(value)))]

export const articlePath = (slug: string) => `/articles/${encodeURIComponent(slug)}`

/** An article's event: the article page (under its current and previous slug), and every list. */
export const articleEvent = (
  type: Extract<ContentEventType, `article.${string}`>,
  article: { id: number | string; slug?: string | null },
  previousSlug?: string | null,
  now = new Date(),
): ContentEvent => {
  const slugs = unique([article.slug, previousSlug])
  return {
    type,
    timestamp: now.toISOString(),
    data: {
      collection: 'articles',
      id: article.id,
      slug: article.slug ?? null,
      paths: unique(['/', ...slugs.map(articlePath)]),
      tags: unique([cacheTags.articles, ...slugs.map(cacheTags.article), cacheTags.comments(article.id)]),
    },
  }
}

/** A comment's event: the article's thread and count (its page and the lists that show counts). */
export const commentEvent = (
  type: Extract<ContentEventType, `comment.${string}`>,
  comment: { id: number | string },
  article: { id: number | string; slug?: string | null },
  now = new Date(),
): ContentEvent => ({
  type,
  timestamp: now.toISOString(),
  data: {
    collection: 'comments',
    id: comment.id,
    slug: null,
    paths: unique([article.slug ? articlePath(article.slug) : null]),
    tags: unique([cacheTags.comments(article.id), article.slug ? cacheTags.article(article.slug) : null, cacheTags.articles]),
  },
})

/** A section, tag, source or the site settings changed. */
export const taxonomyEvent = (
  type: Extract<ContentEventType, 'section.changed' | 'tag.changed' | 'settings.changed' | 'source.changed'>,
  doc: { id?: number | string | null; slug?: string | null },
  previousSlug?: string | null,
  now = new Date(),
): ContentEvent => {
  const slugs = unique([doc.slug, previousSlug])
  const byType = {
    'section.changed': { collection: 'sections', tags: [cacheTags.sections, ...slugs.map(cacheTags.section)], paths: ['/', ...slugs.map((s) => `/sections/${s}`)] },
    'tag.changed': { collection: 'tags', tags: [cacheTags.tags, ...slugs.map(cacheTags.tag)], paths: slugs.map((s) => `/tags/${s}`) },
    'settings.changed': { collection: 'site-settings', tags: [cacheTags.settings], paths: ['/'] },
    // Articles of the source are re-stamped by a job; each re-stamp sends its own article.updated.
    'source.changed': { collection: 'sources', tags: [] as string[], paths: [] as string[] },
  }[type]
  return {
    type,
    timestamp: now.toISOString(),
    data: { collection: byType.collection, id: doc.id ?? null, slug: doc.slug ?? null, paths: unique(byType.paths), tags: unique(byType.tags) },
  }
}
