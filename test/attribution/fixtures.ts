import type { ArticleLike, SiteInfo, SourceLike } from '../../src/attribution'

export const NOW = new Date('2025-03-10T08:00:00.000Z')

export const SITE: SiteInfo = {
  baseUrl: 'https://news.example.org/',
  name: '澳华新闻',
  logoUrl: '/logo.png',
  language: 'zh-CN',
}

export function source(overrides: Partial<SourceLike> = {}): SourceLike {
  return {
    id: 's1',
    name: 'ABC News',
    slug: 'abc-news',
    homepage: 'https://www.abc.net.au/news',
    domains: ['abc.net.au'],
    creditTemplate: '来源: {source}',
    license: 'permission',
    permissionEvidence: 'Email from ABC syndication desk, 2024-11-02',
    permissions: { republish: true, modify: false, translate: true, images: true },
    copyrightHolder: 'Australian Broadcasting Corporation',
    seoPolicy: 'canonical-self',
    active: true,
    ...overrides,
  }
}

export function article(overrides: Partial<ArticleLike> = {}): ArticleLike {
  return {
    id: 'a1',
    title: '澳洲央行宣布加息',
    slug: 'ao-zhou-yang-hang-xuan-bu-jia-xi',
    origin: 'republished',
    source: 's1',
    originalUrl: 'https://www.abc.net.au/news/2025-03-09/rba-rates/123',
    originalTitle: 'RBA lifts cash rate',
    originalPublishedAt: '2024-12-31T22:00:00.000Z',
    originalAuthor: 'Jane Doe',
    authors: '张三',
    publishedAt: '2025-03-10T07:00:00.000Z',
    updatedAt: '2025-03-10T07:30:00.000Z',
    _status: 'published',
    ...overrides,
  }
}
