import { describe, expect, it } from 'vitest'
import { buildNewsArticleJsonLd, computeArticleAttribution, numberImages, parseByline, serializeJsonLd, type MediaLike } from '../../src/attribution'
import { article, NOW, SITE, source } from './fixtures'

const SELF = 'https://news.example.org/articles/ao-zhou-yang-hang-xuan-bu-jia-xi'
const ORIG = 'https://www.abc.net.au/news/2025-03-09/rba-rates/123'

const photo: MediaLike = {
  id: 'm1',
  url: '/media/rba.jpg',
  width: 1600,
  height: 900,
  alt: 'RBA building',
  caption: '澳洲储备银行大楼',
  creator: 'John Smith',
  source: source(),
}

describe('buildNewsArticleJsonLd', () => {
  it('republished article: full shape', () => {
    const ld = buildNewsArticleJsonLd(article(), source(), [photo], SITE)
    expect(ld).toEqual({
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      headline: '澳洲央行宣布加息',
      url: SELF,
      mainEntityOfPage: { '@type': 'WebPage', '@id': SELF },
      datePublished: '2025-03-10T07:00:00.000Z',
      dateModified: '2025-03-10T07:30:00.000Z',
      inLanguage: 'zh-CN',
      author: [{ '@type': 'Person', name: '张三' }],
      publisher: {
        '@type': 'Organization',
        name: '澳华新闻',
        url: 'https://news.example.org/',
        logo: { '@type': 'ImageObject', url: 'https://news.example.org/logo.png' },
      },
      isBasedOn: {
        '@type': 'NewsArticle',
        url: ORIG,
        headline: 'RBA lifts cash rate',
        datePublished: '2024-12-31T22:00:00.000Z',
        author: [{ '@type': 'Person', name: 'Jane Doe' }],
        publisher: { '@type': 'Organization', name: 'ABC News', url: 'https://www.abc.net.au/news' },
      },
      sourceOrganization: { '@type': 'Organization', name: 'ABC News', url: 'https://www.abc.net.au/news' },
      creditText: '来源: ABC News',
      copyrightNotice: '© 2024 Australian Broadcasting Corporation',
      copyrightHolder: { '@type': 'Organization', name: 'Australian Broadcasting Corporation' },
      copyrightYear: 2024,
      image: [
        {
          '@type': 'ImageObject',
          contentUrl: 'https://news.example.org/media/rba.jpg',
          url: 'https://news.example.org/media/rba.jpg',
          width: 1600,
          height: 900,
          caption: '澳洲储备银行大楼',
          creator: { '@type': 'Person', name: 'John Smith' },
          creditText: '图片来源: ABC News',
          copyrightNotice: '© Australian Broadcasting Corporation',
        },
      ],
    })
    expect(ld).not.toHaveProperty('translationOfWork')
    expect(ld).not.toHaveProperty('translator')
    expect(ld).not.toHaveProperty('license') // "permission" has no licence URL
  })

  it('translated article: translator + translationOfWork', () => {
    const ld = buildNewsArticleJsonLd(article({ origin: 'translated', translator: '王五、赵六' }), source(), [], SITE)
    expect(ld.translator).toEqual([
      { '@type': 'Person', name: '王五' },
      { '@type': 'Person', name: '赵六' },
    ])
    expect(ld.translationOfWork).toEqual(ld.isBasedOn)
    expect(ld.translationOfWork?.url).toBe(ORIG)
    expect(ld).not.toHaveProperty('image')
  })

  it.each([
    ['canonical-self', SELF],
    ['canonical-original', ORIG],
    ['noindex-news', SELF],
  ])('canonical follows seoPolicy %s', (seoPolicy, url) => {
    const ld = buildNewsArticleJsonLd(article(), source({ seoPolicy }), [], SITE)
    expect(ld.url).toBe(url)
    expect(ld.mainEntityOfPage['@id']).toBe(url)
    expect(JSON.stringify(ld)).not.toContain('noindex')
  })

  it('CC licence URL appears on the article and on images', () => {
    const s = source({ license: 'cc-by', permissionEvidence: null })
    const ld = buildNewsArticleJsonLd(article(), s, [{ ...photo, source: s }], SITE)
    expect(ld.license).toBe('https://creativecommons.org/licenses/by/4.0/')
    expect(ld.image?.[0]?.license).toBe('https://creativecommons.org/licenses/by/4.0/')
  })

  it('original article: no isBasedOn/sourceOrganization; author falls back to the publisher', () => {
    const ld = buildNewsArticleJsonLd({ title: 'Hello', slug: 'hello', origin: 'original', publishedAt: '2025-01-02T00:00:00Z' }, null, [], SITE)
    expect(ld.isBasedOn).toBeUndefined()
    expect(ld.sourceOrganization).toBeUndefined()
    expect(ld.author).toEqual([{ '@type': 'Organization', name: '澳华新闻', url: 'https://news.example.org/' }])
    expect(ld.copyrightNotice).toBe('© 2025 澳华新闻')
    expect(ld.creditText).toBe('澳华新闻')
    expect(ld.dateModified).toBe('2025-01-02T00:00:00.000Z')
  })

  it('republished without byline: originalAuthor, else the source organization', () => {
    expect(buildNewsArticleJsonLd(article({ authors: '' }), source(), [], SITE).author).toEqual([{ '@type': 'Person', name: 'Jane Doe' }])
    expect(buildNewsArticleJsonLd(article({ authors: '', originalAuthor: null }), source(), [], SITE).author).toEqual([
      { '@type': 'Organization', name: 'ABC News', url: 'https://www.abc.net.au/news' },
    ])
  })

  it('prefers the stamped attribution; useStamped:false recomputes', () => {
    const stamped = { ...computeArticleAttribution(article(), source(), SITE, NOW), creditLine: 'STAMPED' }
    expect(buildNewsArticleJsonLd(article({ attribution: stamped }), source(), [], SITE).creditText).toBe('STAMPED')
    expect(buildNewsArticleJsonLd(article({ attribution: stamped }), source(), [], SITE, { useStamped: false }).creditText).toBe('来源: ABC News')
  })

  it('accepts numberImages() output and skips images without a URL', () => {
    const content = {
      root: {
        type: 'root',
        children: [
          { type: 'upload', relationTo: 'media', value: { id: 'x', url: 'https://cdn.example.org/x.jpg', creator: 'Li' }, fields: { caption: '图注' } },
          { type: 'upload', relationTo: 'media', value: 'unpopulated', fields: {} },
        ],
      },
    }
    const ld = buildNewsArticleJsonLd(article(), source(), numberImages(content), SITE)
    expect(ld.image).toEqual([
      {
        '@type': 'ImageObject',
        contentUrl: 'https://cdn.example.org/x.jpg',
        url: 'https://cdn.example.org/x.jpg',
        caption: '图注',
        creator: { '@type': 'Person', name: 'Li' },
        creditText: '图片来源: Li',
        copyrightNotice: '© Li',
      },
    ])
  })

  it('image without creator credits the source organization as creator', () => {
    const ld = buildNewsArticleJsonLd(article(), source(), [{ ...photo, creator: null, creditLine: '图片来源: ABC' }], SITE)
    expect(ld.image?.[0]?.creator).toEqual({ '@type': 'Organization', name: 'ABC News', url: 'https://www.abc.net.au/news' })
    expect(ld.image?.[0]?.creditText).toBe('图片来源: ABC')
  })
})

describe('parseByline', () => {
  it.each([
    ['张三、李四', ['张三', '李四']],
    ['By Jane Doe and John Roe', ['Jane Doe', 'John Roe']],
    ['记者：王五 / 赵六', ['王五', '赵六']],
    ['A, B & C', ['A', 'B', 'C']],
    ['王和平', ['王和平']],
    ['Alexandra Anderson', ['Alexandra Anderson']],
    ['', []],
    [null, []],
  ])('%j → %j', (byline, expected) => {
    expect(parseByline(byline)).toEqual(expected)
  })
})

describe('serializeJsonLd', () => {
  it('escapes characters that could close the script element', () => {
    const s = serializeJsonLd({ headline: '</script><script>alert(1)</script> & \u2028' })
    expect(s).not.toContain('<')
    expect(s).not.toContain('>')
    expect(JSON.parse(s)).toEqual({ headline: '</script><script>alert(1)</script> & \u2028' })
  })
})
