import { describe, expect, it } from 'vitest'
import { articleUrl, computeArticleAttribution, type SeoPolicy } from '../../src/attribution'
import { article, NOW, SITE, source } from './fixtures'

const SELF = 'https://news.example.org/articles/ao-zhou-yang-hang-xuan-bu-jia-xi'
const ORIG = 'https://www.abc.net.au/news/2025-03-09/rba-rates/123'

describe('computeArticleAttribution — republished', () => {
  it('stamps the whole group from the source', () => {
    expect(computeArticleAttribution(article(), source({ creditTemplate: '来源: {source}（{author}）' }), SITE, NOW)).toEqual({
      creditLine: '来源: ABC News（Jane Doe）',
      sourceName: 'ABC News',
      sourceUrl: 'https://www.abc.net.au/news',
      originalUrl: ORIG,
      license: 'permission',
      licenseUrl: null,
      copyrightNotice: '© 2024 Australian Broadcasting Corporation',
      canonicalUrl: SELF,
      robots: 'index, follow',
      stampedAt: '2025-03-10T08:00:00.000Z',
    })
  })

  it.each<[SeoPolicy | string | null, string, string]>([
    ['canonical-self', SELF, 'index, follow'],
    ['canonical-original', ORIG, 'index, follow'],
    ['noindex-news', SELF, 'noindex, follow'],
    [null, SELF, 'index, follow'],
    ['bogus', SELF, 'index, follow'],
  ])('seoPolicy %s → canonical %s, robots %s', (seoPolicy, canonicalUrl, robots) => {
    const a = computeArticleAttribution(article(), source({ seoPolicy }), SITE, NOW)
    expect([a.canonicalUrl, a.robots]).toEqual([canonicalUrl, robots])
  })

  it.each<[SeoPolicy, string, string]>([
    ['canonical-self', SELF, 'index, follow'],
    ['canonical-original', SELF, 'index, follow'],
    ['noindex-news', SELF, 'noindex, follow'],
  ])('translated + %s → canonical %s (translations are not cross-language duplicates)', (seoPolicy, canonicalUrl, robots) => {
    const a = computeArticleAttribution(article({ origin: 'translated' }), source({ seoPolicy }), SITE, NOW)
    expect([a.canonicalUrl, a.robots]).toEqual([canonicalUrl, robots])
  })

  it('canonical-original with an unusable originalUrl falls back to self', () => {
    const a = computeArticleAttribution(article({ originalUrl: 'javascript:alert(1)' }), source({ seoPolicy: 'canonical-original' }), SITE, NOW)
    expect(a.canonicalUrl).toBe(SELF)
    expect(a.originalUrl).toBeNull()
  })

  it('CC licence gets the deed URL; explicit licenseUrl wins', () => {
    expect(computeArticleAttribution(article(), source({ license: 'cc-by-sa' }), SITE, NOW).licenseUrl).toBe('https://creativecommons.org/licenses/by-sa/4.0/')
    expect(computeArticleAttribution(article(), source({ license: 'cc-by', licenseUrl: 'https://x.org/l' }), SITE, NOW).licenseUrl).toBe('https://x.org/l')
  })

  it('copyright notice: holder falls back to the source name; year from originalPublishedAt (UTC), else publishedAt', () => {
    expect(computeArticleAttribution(article(), source({ copyrightHolder: '' }), SITE, NOW).copyrightNotice).toBe('© 2024 ABC News')
    expect(computeArticleAttribution(article({ originalPublishedAt: null }), source(), SITE, NOW).copyrightNotice).toBe(
      '© 2025 Australian Broadcasting Corporation',
    )
    expect(computeArticleAttribution(article({ originalPublishedAt: null, publishedAt: null }), source(), SITE, NOW).copyrightNotice).toBe(
      '© Australian Broadcasting Corporation',
    )
    expect(computeArticleAttribution(article(), source({ license: 'public-domain' }), SITE, NOW).copyrightNotice).toBeNull()
  })

  it('default template is used when the source has none', () => {
    expect(computeArticleAttribution(article(), source({ creditTemplate: null }), SITE, NOW).creditLine).toBe('来源: ABC News')
  })

  it('without a source: empty credit, self canonical, noindex', () => {
    expect(computeArticleAttribution(article(), null, SITE, NOW)).toEqual({
      creditLine: '',
      sourceName: null,
      sourceUrl: null,
      originalUrl: ORIG,
      license: null,
      licenseUrl: null,
      copyrightNotice: null,
      canonicalUrl: SELF,
      robots: 'noindex, follow',
      stampedAt: NOW.toISOString(),
    })
  })
})

describe('computeArticleAttribution — original', () => {
  it("uses the site's own credit and copyright", () => {
    const a = computeArticleAttribution(article({ origin: 'original', originalUrl: ORIG }), source(), SITE, NOW)
    expect(a).toEqual({
      creditLine: '澳华新闻',
      sourceName: '澳华新闻',
      sourceUrl: 'https://news.example.org/',
      originalUrl: null,
      license: 'all-rights-reserved',
      licenseUrl: null,
      copyrightNotice: '© 2025 澳华新闻',
      canonicalUrl: SELF,
      robots: 'index, follow',
      stampedAt: NOW.toISOString(),
    })
  })
  it('honours site licence, holder and credit template', () => {
    const a = computeArticleAttribution(
      { origin: 'original', slug: 'x', authors: '李四', publishedAt: '2023-06-01' },
      null,
      { ...SITE, license: 'cc-by', copyrightHolder: 'Newsroom Pty Ltd', originalCreditTemplate: '{source} · {author}' },
      NOW,
    )
    expect([a.creditLine, a.license, a.licenseUrl, a.copyrightNotice]).toEqual([
      '澳华新闻 · 李四',
      'cc-by',
      'https://creativecommons.org/licenses/by/4.0/',
      '© 2023 Newsroom Pty Ltd',
    ])
  })
})

describe('articleUrl', () => {
  it.each([
    [{ slug: 'abc' }, { baseUrl: 'https://s.org' }, 'https://s.org/articles/abc'],
    [{ slug: 'abc' }, { baseUrl: 'https://s.org///' }, 'https://s.org/articles/abc'],
    [{ slug: 'a b/c' }, { baseUrl: 'https://s.org' }, 'https://s.org/articles/a%20b%2Fc'],
    [{ slug: '', id: 42 }, { baseUrl: 'https://s.org' }, 'https://s.org/articles/42'],
    [{ slug: 'abc' }, { baseUrl: 'https://s.org', articlesPath: '/news/' }, 'https://s.org/news/abc'],
    [{ slug: 'abc' }, { baseUrl: 'https://s.org/zh' }, 'https://s.org/zh/articles/abc'],
  ])('%o on %o → %s', (a, site, expected) => {
    expect(articleUrl(a, site)).toBe(expected)
  })
})
