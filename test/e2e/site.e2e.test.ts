/**
 * The reader site on the built app: a reader opens the front page, follows an article, sees its credits and
 * photos, comments; a moderator approves in the admin; the reader sees it on reload. Plus XSS, axe, 404 and the
 * discovery documents (sitemaps, news sitemap, feeds, robots) over HTTP.
 */
import fs from 'node:fs'
import path from 'node:path'

import axe from 'axe-core'
import { XMLParser, XMLValidator } from 'fast-xml-parser'
import type { APIRequestContext, Browser, BrowserContext, Page } from 'playwright-core'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { apiAs, baseURL, launchBrowser, loginByApi, newContext, rest, screenshot } from './browser'
import { E2E_USERS } from './users'

const SITE_URL = 'https://news.example.cn'
const docsScreenshots = path.resolve(__dirname, '../../docs/screenshots')
/** The README's screenshots (docs/screenshots) are taken again only when asked: `UPDATE_DOCS_SCREENSHOTS=1 npm run test:e2e`. */
const docsScreenshot = async (page: Page, name: string, fullPage = false) => {
  if (process.env.UPDATE_DOCS_SCREENSHOTS !== '1') return
  fs.mkdirSync(docsScreenshots, { recursive: true })
  await page.screenshot({ path: path.join(docsScreenshots, name), fullPage })
}

let browser: Browser
let reader: BrowserContext
let editor: APIRequestContext
let guest: APIRequestContext
const ids: Record<string, any> = {}

const upload = async (alt: string, creator: string, colour: string) => {
  const buffer = await sharp({ create: { width: 800, height: 450, channels: 3, background: colour } }).jpeg().toBuffer()
  const response = await editor.post('/api/media', {
    multipart: { file: { name: `${alt}.jpg`, mimeType: 'image/jpeg', buffer }, _payload: JSON.stringify({ alt, creator, caption: alt }) },
  })
  expect(response.ok(), await response.text()).toBe(true)
  return (await response.json()).doc
}

const paragraph = (text: string) => ({ type: 'paragraph', version: 1, format: '', indent: 0, direction: 'ltr', children: [{ type: 'text', text, format: 0, version: 1, mode: 'normal', style: '', detail: 0 }] })
const photo = (id: number, caption: string) => ({ type: 'upload', relationTo: 'media', value: id, fields: { caption }, format: '', version: 3 })
const body = (...children: object[]) => ({ root: { type: 'root', version: 1, format: '', indent: 0, direction: 'ltr', children } })

const xml = new XMLParser({ ignoreAttributes: false })
const getXml = async (route: string) => {
  const response = await guest.get(route)
  const text = await response.text()
  return { status: response.status(), type: response.headers()['content-type'], text, valid: XMLValidator.validate(text), doc: xml.parse(text) }
}
const asList = <T>(value: T | T[] | undefined): T[] => (value === undefined ? [] : Array.isArray(value) ? value : [value])

const articlePage = async (page: Page, slug: string) => {
  await page.goto(`/articles/${slug}`)
  await page.waitForSelector('.comment-form', { timeout: 60_000 })
}

beforeAll(async () => {
  browser = await launchBrowser()
  reader = await newContext(browser, 'zh-CN')
  editor = await apiAs(E2E_USERS.editor)
  guest = await apiAs(undefined, 'zh-CN')

  const tech = await rest(editor, 'POST', '/api/sections', { name: '科技', nameEn: 'Technology', order: 1, description: '人工智能与互联网' })
  ids.section = tech.body.doc
  ids.tag = (await rest(editor, 'POST', '/api/tags', { name: '人工智能' })).body.doc
  await rest(editor, 'POST', '/api/globals/site-settings', {
    siteName: '环球新闻',
    slogan: '最好看的新闻,最实用的信息',
    navigation: [ids.section.id],
    news: { publicationName: '环球新闻网', publicationLanguage: 'zh-cn' },
    footer: { copyrightHolder: '环球新闻传媒 Pty Ltd.', privacyUrl: '/privacy', contactUrl: '/contact' },
    contact: { phone: '+61 2 5550 1234', newsTipEmail: 'tips@news.example.cn' },
  })
  const source = await rest(editor, 'POST', '/api/sources', {
    // Not "海外掘金": the editor's browser test creates that source itself (names are unique).
    name: '海外掘金周刊',
    homepage: 'https://www.haiwaijuejin.example',
    domains: ['haiwaijuejin.example'],
    license: 'permission',
    permissionEvidence: 'Agreement by e-mail, 2026-03-02.',
    creditTemplate: '来源: {source}',
    seoPolicy: 'canonical-self',
  })
  const lab = await upload('硅谷的实验室', '张摄影', '#3c6e47')
  const campus = await upload('斯坦福校园', '李摄影', '#8c3b2e')
  ids.article = (
    await rest(editor, 'POST', '/api/articles', {
      title: '在美国搞人工智能的华人',
      origin: 'republished',
      source: source.body.doc.id,
      originalUrl: 'https://news.haiwaijuejin.example/2026/ai',
      originalPublishedAt: new Date(Date.now() - 3_600_000).toISOString(),
      excerpt: '硅谷的实验室里，华人研究者随处可见。',
      heroImage: lab.id,
      section: ids.section.id,
      tags: [ids.tag.id],
      content: body(paragraph('从ChatGPT到Sora，背后都有华人研究者。'), photo(lab.id, '实验室一角'), paragraph('谈到回国，理由各不相同。'), photo(campus.id, '斯坦福校园')),
      _status: 'published',
    })
  ).body.doc
  // Stays out of sitemaps: a source whose policy is noindex-news, and one whose canonical is the original.
  const noindex = await rest(editor, 'POST', '/api/sources', { name: '不收录报', domains: ['noindex.example'], license: 'permission', permissionEvidence: 'ok', seoPolicy: 'noindex-news' })
  const canonical = await rest(editor, 'POST', '/api/sources', { name: '原文为准报', domains: ['canonical.example'], license: 'permission', permissionEvidence: 'ok', seoPolicy: 'canonical-original' })
  const syndicated = (title: string, sourceId: number, url: string) =>
    rest(editor, 'POST', '/api/articles', { title, origin: 'republished', source: sourceId, originalUrl: url, originalPublishedAt: new Date().toISOString(), section: ids.section.id, _status: 'published' })
  ids.sources = [source.body.doc.id, noindex.body.doc.id, canonical.body.doc.id]
  ids.noindex = (await syndicated('不应收录的新闻', noindex.body.doc.id, 'https://noindex.example/a')).body.doc
  ids.canonical = (await syndicated('以原文为准的新闻', canonical.body.doc.id, 'https://canonical.example/b')).body.doc
  ids.draft = (await rest(editor, 'POST', '/api/articles?draft=true', { title: '尚未发布的草稿', origin: 'original', section: ids.section.id, _status: 'draft' })).body.doc
})

afterAll(async () => {
  // Other browser tests publish without a section: leave the site without sections, as they expect.
  if (editor) {
    for (const doc of [ids.article, ids.noindex, ids.canonical, ids.draft, ids.fresh]) if (doc) await rest(editor, 'DELETE', `/api/articles/${doc.id}`, undefined, { allowError: true })
    if (ids.section) await rest(editor, 'DELETE', `/api/sections/${ids.section.id}`, undefined, { allowError: true })
    for (const id of ids.sources ?? []) await rest(editor, 'DELETE', `/api/sources/${id}`, undefined, { allowError: true })
  }
  await editor?.dispose()
  await guest?.dispose()
  await browser?.close()
})

describe('the reader site', () => {
  it('a reader opens the front page, follows the article and sees its credits, photos and JSON-LD', async () => {
    const page = await reader.newPage()
    await page.goto('/')
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN')
    await expect.poll(() => page.locator('.masthead').innerText()).toContain('最好看的新闻,最实用的信息')
    expect(await page.locator('.site-nav').innerText()).toContain('科技')
    expect(await page.locator('.site-footer').innerText()).toContain('环球新闻传媒 Pty Ltd.')
    const item = page.locator('.article-list li', { hasText: '在美国搞人工智能的华人' }).first()
    expect(await item.innerText()).toMatch(/来源: 海外掘金[\s\S]*评论0条/)
    await screenshot(page, 'site-home')
    await docsScreenshot(page, 'site-home-zh.png')

    await item.locator('a.title').click()
    await page.waitForURL(`**/articles/${ids.article.slug}`)
    await page.waitForSelector('.comment-form')
    expect(await page.locator('h1').innerText()).toBe('在美国搞人工智能的华人(组图)')
    const meta = await page.locator('article .meta').innerText()
    expect(meta).toContain('来源: 海外掘金')
    expect(meta).toContain('评论0条')
    const original = page.locator('a.original')
    expect(await original.innerText()).toBe('原文链接')
    expect(await original.getAttribute('href')).toBe('https://news.haiwaijuejin.example/2026/ai')
    expect(await original.getAttribute('rel')).toContain('noopener')
    expect(await page.locator('.photo-label').allInnerTexts()).toEqual(['在美国搞人工智能的华人(组图) - 1', '在美国搞人工智能的华人(组图) - 2'])
    const credits = await page.locator('.photo-credit').allInnerTexts()
    expect(credits[0]).toContain('张摄影')
    expect(credits[1]).toContain('李摄影')
    expect(await page.locator('.photo-caption').first().innerText()).toBe('实验室一角')
    const jsonld = JSON.parse(await page.locator('script[type="application/ld+json"]').innerText())
    expect(jsonld['@type']).toBe('NewsArticle')
    expect(jsonld.isBasedOn).toMatchObject({ url: 'https://news.haiwaijuejin.example/2026/ai' })
    expect(await page.locator('link[rel="canonical"]').getAttribute('href')).toBe(`${SITE_URL}/articles/${ids.article.slug}`)
    expect(await page.locator('meta[name="robots"]').getAttribute('content')).toBe('index, follow')
    expect(await page.locator('meta[property="og:title"]').getAttribute('content')).toBe('在美国搞人工智能的华人')
    expect(await page.locator('#comments').innerText()).toContain('网友评论仅供其表达个人看法,并不表明网站立场。')
    await screenshot(page, 'site-article')
    await docsScreenshot(page, 'site-article-zh.png', true)
    await page.close()
  })

  it('the reader comments, a moderator approves it in the admin, and the reader sees it with the count one higher', async () => {
    const page = await reader.newPage()
    await articlePage(page, ids.article.slug)
    await page.fill('input[name="authorName"]', '湾区读者')
    await page.fill('textarea[name="body"]', '这个说法像骗子的话术，不过第二段写得不错。')
    await page.click('.comment-form button[type="submit"]')
    await expect.poll(() => page.locator('.answer').innerText()).toBe('感谢评论，审核通过后显示。')

    const moderatorApi = await apiAs(E2E_USERS.moderator)
    const held = await rest(moderatorApi, 'GET', `/api/comments?where[article][equals]=${ids.article.id}&where[status][equals]=pending&depth=0`)
    expect(held.body.docs).toHaveLength(1)
    const commentId = held.body.docs[0].id
    const moderator = await newContext(browser, 'zh-CN')
    await loginByApi(moderator, E2E_USERS.moderator)
    const admin = await moderator.newPage()
    await admin.goto(`/admin/collections/comments/${commentId}`)
    const panel = admin.locator('.newsroom-moderation')
    await panel.locator('[data-decision="approved"]').click({ timeout: 90_000 })
    await expect.poll(async () => (await rest(moderatorApi, 'GET', `/api/comments/${commentId}?depth=0`)).body.status).toBe('approved')
    await moderator.close()
    await moderatorApi.dispose()

    // No restart: the outbox revalidated the article's thread and count after the approval committed.
    await expect
      .poll(async () => {
        await articlePage(page, ids.article.slug)
        return page.locator('.comments').innerText().catch(() => '')
      })
      .toContain('这个说法像骗子的话术')
    expect(await page.locator('article .meta').innerText()).toContain('评论1条')
    expect(await page.locator('#comments > h3').innerText()).toBe('最新评论(1)')
    await page.goto('/')
    expect(await page.locator('.article-list li', { hasText: '在美国搞人工智能的华人' }).first().innerText()).toContain('评论1条')
    await page.close()
  })

  it('shows a comment body that looks like HTML as text, and runs nothing', async () => {
    const page = await reader.newPage()
    const dialogs: string[] = []
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message())
      void dialog.dismiss()
    })
    await articlePage(page, ids.article.slug)
    const attack = '<img src=x onerror=alert(1)>\n第二行'
    await page.fill('input[name="authorName"]', '测试')
    await page.fill('textarea[name="body"]', attack)
    await page.click('.comment-form button[type="submit"]')
    await expect.poll(() => page.locator('.answer').innerText()).toBe('感谢评论，已发布。')
    await expect
      .poll(async () => {
        await articlePage(page, ids.article.slug)
        return page.locator('.comment-body', { hasText: 'onerror' }).count()
      })
      .toBe(1)
    const shown = page.locator('.comment-body', { hasText: 'onerror' })
    expect(await shown.innerText()).toBe(attack)
    expect(await page.locator('.comments img').count()).toBe(0)
    await page.waitForTimeout(500)
    expect(dialogs).toEqual([])
    await page.close()
  })

  it('passes axe-core on the front page and the article page without serious or critical violations', async () => {
    const page = await reader.newPage()
    for (const route of ['/', `/articles/${ids.article.slug}`]) {
      await page.goto(route)
      await page.waitForLoadState('networkidle')
      await page.addScriptTag({ content: axe.source })
      const result = await page.evaluate(async () => (window as any).axe.run(document, { resultTypes: ['violations'] }))
      const blocking = result.violations.filter((violation: any) => ['serious', 'critical'].includes(violation.impact))
      expect(blocking.map((violation: any) => `${route}: ${violation.id} ${violation.nodes.map((node: any) => node.target.join(' ')).join(', ')}`)).toEqual([])
    }
    await page.close()
  })

  it('answers 404 in the site language for drafts, unknown articles and unknown paths', async () => {
    for (const route of [`/articles/${ids.draft.slug}`, '/articles/no-such-story', '/no/such/page', '/sections/no-such-section']) {
      const response = await guest.get(route)
      expect(response.status(), route).toBe(404)
      expect(await response.text(), route).toContain('页面不存在')
    }
  })

  it('lists the sections and tags pages and finds Chinese words in titles and excerpts', async () => {
    const section = await (await guest.get(`/sections/${ids.section.slug}`)).text()
    expect(section).toContain('在美国搞人工智能的华人')
    const tag = await (await guest.get(`/tags/${ids.tag.slug}`)).text()
    expect(tag).toContain('在美国搞人工智能的华人')
    expect(tag).not.toContain('不应收录的新闻')
    const search = await (await guest.get(`/search?q=${encodeURIComponent('硅谷')}`)).text()
    expect(search).toContain('在美国搞人工智能的华人')
    expect(search).not.toContain('尚未发布的草稿')
  })

  it('shows a new article to the next reader without a restart', async () => {
    const before = await (await guest.get('/')).text()
    expect(before).not.toContain('刚刚发布的快讯')
    ids.fresh = (await rest(editor, 'POST', '/api/articles', { title: '刚刚发布的快讯', origin: 'original', section: ids.section.id, _status: 'published' })).body.doc
    await expect.poll(async () => (await (await guest.get('/')).text()).includes('刚刚发布的快讯')).toBe(true)
    await rest(editor, 'PATCH', `/api/articles/${ids.fresh.id}`, { _status: 'draft' })
    await expect.poll(async () => (await guest.get(`/articles/${ids.fresh.slug}`)).status()).toBe(404)
  })

  it('a cached page whose comments closed after it was rendered shows them closed, not a form', async () => {
    const closesAt = Date.now() + 12_000
    const { doc } = (await rest(editor, 'POST', '/api/articles', {
      title: '评论即将关闭的新闻',
      origin: 'original',
      section: ids.section.id,
      commentsCloseAt: new Date(closesAt).toISOString(),
      _status: 'published',
    })).body
    // stored in the page cache, after the publish's own revalidation
    await expect.poll(async () => (await guest.get(`/articles/${doc.slug}`)).headers()['x-nextjs-cache'], { timeout: 10_000 }).toBe('HIT')
    const page = await reader.newPage()
    await articlePage(page, doc.slug)
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, closesAt - Date.now()) + 500))
    // the same stored page, rendered while comments were open …
    const again = await page.reload()
    expect(again?.headers()['x-nextjs-cache']).toBe('HIT')
    expect(await again?.text()).toContain('comment-form')
    // … tells the reader they are closed once the form token says so
    await page.waitForSelector('#comments p.empty:has-text("本文评论已关闭")')
    expect(await page.locator('.comment-form').count()).toBe(0)
    await page.close()
  })
})

describe('discovery documents', () => {
  it('serves a sitemap index whose article sitemap lists indexable articles only', async () => {
    const index = await getXml('/sitemap.xml')
    expect(index.status).toBe(200)
    expect(index.valid).toBe(true)
    const locs = asList(index.doc.sitemapindex.sitemap).map((entry: any) => entry.loc)
    expect(locs).toEqual([`${SITE_URL}/sitemaps/articles/1.xml`, `${SITE_URL}/sitemaps/sections.xml`, `${SITE_URL}/sitemaps/tags.xml`])
    const articles = await getXml('/sitemaps/articles/1.xml')
    expect(articles.valid).toBe(true)
    const urls = asList(articles.doc.urlset.url)
    const listed = urls.map((entry: any) => entry.loc)
    expect(listed).toContain(`${SITE_URL}/articles/${ids.article.slug}`)
    expect(listed).not.toContain(`${SITE_URL}/articles/${ids.noindex.slug}`)
    expect(listed).not.toContain(`${SITE_URL}/articles/${ids.canonical.slug}`)
    expect(listed).not.toContain(`${SITE_URL}/articles/${ids.draft.slug}`)
    expect(urls.every((entry: any) => !Number.isNaN(Date.parse(entry.lastmod)))).toBe(true)
    expect((await guest.get('/sitemaps/articles/99.xml')).status()).toBe(404)
    const sections = await getXml('/sitemaps/sections.xml')
    expect(asList(sections.doc.urlset.url).map((entry: any) => entry.loc)).toContain(`${SITE_URL}/sections/${ids.section.slug}`)
    const tags = await getXml('/sitemaps/tags.xml')
    expect(asList(tags.doc.urlset.url).map((entry: any) => entry.loc)).toContain(`${SITE_URL}/tags/${ids.tag.slug}`)
  })

  it('serves a Google News sitemap of recent indexable articles, with the publication from the settings', async () => {
    const news = await getXml('/news-sitemap.xml')
    expect(news.valid).toBe(true)
    const urls = asList(news.doc.urlset.url)
    const ours = urls.find((entry: any) => entry.loc === `${SITE_URL}/articles/${ids.article.slug}`)
    expect(ours['news:news']['news:publication']).toEqual({ 'news:name': '环球新闻网', 'news:language': 'zh-cn' })
    expect(ours['news:news']['news:title']).toBe('在美国搞人工智能的华人')
    expect(Date.parse(ours['news:news']['news:publication_date'])).toBeGreaterThan(Date.now() - 48 * 3_600_000)
    expect(urls.map((entry: any) => entry.loc)).not.toContain(`${SITE_URL}/articles/${ids.noindex.slug}`)
  })

  it('serves RSS feeds with the credit line, the hero image as enclosure and a guid that survives edits', async () => {
    const feed = await getXml('/feed.xml')
    expect(feed.valid).toBe(true)
    expect(feed.type).toContain('application/rss+xml')
    const item = asList(feed.doc.rss.channel.item).find((entry: any) => entry.title === '在美国搞人工智能的华人')
    expect(item.description).toContain('来源: 海外掘金')
    expect(item.enclosure['@_type']).toBe('image/jpeg')
    expect(Number(item.enclosure['@_length'])).toBeGreaterThan(0)
    const guid = item.guid['#text']
    await rest(editor, 'PATCH', `/api/articles/${ids.article.id}`, { excerpt: '改过的摘要：硅谷的实验室。' })
    await expect
      .poll(async () => asList((await getXml('/feed.xml')).doc.rss.channel.item).find((entry: any) => entry.guid['#text'] === guid)?.description)
      .toContain('改过的摘要')
    const section = await getXml(`/sections/${ids.section.slug}/feed.xml`)
    expect(section.valid).toBe(true)
    expect(asList(section.doc.rss.channel.item).map((entry: any) => entry.title)).toContain('在美国搞人工智能的华人')
    expect((await guest.get('/sections/no-such-section/feed.xml')).status()).toBe(404)
  })

  it('serves robots.txt naming both sitemaps and keeping crawlers out of the admin and the API', async () => {
    const robots = await (await guest.get('/robots.txt')).text()
    expect(robots).toContain(`Sitemap: ${SITE_URL}/sitemap.xml`)
    expect(robots).toContain(`Sitemap: ${SITE_URL}/news-sitemap.xml`)
    expect(robots).toMatch(/Disallow: \/admin/)
    expect(robots).toMatch(/Disallow: \/api\//)
  })

  it('refuses revalidation requests without the shared secret', async () => {
    const response = await guest.post('/revalidate', { data: { tags: ['articles'] } })
    expect(response.status()).toBe(403)
    expect(baseURL()).toMatch(/^http:\/\/127\.0\.0\.1:/)
  })
})
