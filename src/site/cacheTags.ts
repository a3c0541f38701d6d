/**
 * Names of the reader site's cache tags. Every fetch of the site is tagged with these; the outbox's content
 * events carry the same names, so a change revalidates exactly the pages that showed it.
 */
export const cacheTags = {
  settings: 'site-settings',
  sections: 'sections',
  section: (slug: string) => `section:${slug}`,
  tags: 'tags',
  tag: (slug: string) => `tag:${slug}`,
  /** Any list of articles: home, section and tag pages, search, feeds, sitemaps. */
  articles: 'articles',
  article: (slug: string) => `article:${slug}`,
  comments: (articleId: number | string) => `comments:${articleId}`,
} as const
