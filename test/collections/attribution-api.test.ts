import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { startTestApp, type TestApp } from '../helpers/app'
import { haiwaiSource, republished, staff, type Newsroom } from './fixtures'

let app: TestApp
let users: Newsroom
let sourceId: number | string

const forged = {
  creditLine: 'Forged credit',
  sourceName: 'Nobody',
  sourceUrl: 'https://evil.example',
  originalUrl: 'https://evil.example/x',
  license: 'public-domain',
  canonicalUrl: 'https://evil.example/canonical',
  robots: 'index, follow',
}

beforeAll(async () => {
  app = await startTestApp({ label: 'attribution', plugin: { siteUrl: 'https://news.example.au', siteName: '澳华新闻' } })
  users = await staff(app)
  const source = await app.rest('POST', '/api/sources', { token: users.editor, body: { ...haiwaiSource, seoPolicy: 'noindex-news' } })
  sourceId = source.body.doc.id
})
afterAll(async () => {
  await app?.close()
})

describe('attribution cannot be forged through any API', () => {
  it.each(['admin', 'editor', 'author'] as const)('REST create and update by %s discard client-sent attribution', async (role) => {
    const token = users[role]
    const created = await app.rest('POST', '/api/articles?draft=true', {
      token,
      body: { ...republished(sourceId, { title: `Forged by ${role}` }), _status: 'draft', attribution: forged },
    })
    expect(created.status, JSON.stringify(created.body)).toBe(201)
    expect(created.body.doc.attribution.creditLine).toMatch(/^来源: 海外掘金/)
    const updated = await app.rest('PATCH', `/api/articles/${created.body.doc.id}?draft=true`, {
      token,
      body: { attribution: forged, title: `Forged again by ${role}` },
    })
    expect(updated.status).toBe(200)
    expect(updated.body.doc.attribution.sourceName).toBe('海外掘金')
    expect(updated.body.doc.attribution.robots).toBe('noindex, follow')
  })

  it('GraphQL mutations discard client-sent attribution', async () => {
    const response = await app.graphql(
      `mutation { createArticle(draft: true, data: { title: "GraphQL forged", origin: republished, attribution: { creditLine: "Forged" } }) { id attribution { creditLine } } }`,
      { token: users.admin },
    )
    // Either the schema refuses the field outright, or the value is discarded.
    if (response.body.errors) {
      expect(JSON.stringify(response.body.errors)).toMatch(/attribution|creditLine/)
    } else {
      expect(response.body.data.createArticle.attribution.creditLine).not.toBe('Forged')
    }
  })

  it('the Local API with overrideAccess (as jobs run) cannot forge it either', async () => {
    const doc = await app.payload.create({
      collection: 'articles',
      data: { ...republished(sourceId, { title: 'Local forged' }), attribution: forged } as never,
      draft: true,
      overrideAccess: true,
    })
    expect(doc.attribution?.creditLine).toMatch(/^来源: 海外掘金/)
    expect(doc.attribution?.canonicalUrl).toBe(`https://news.example.au/articles/${doc.slug}`)
  })
})

describe('re-stamping when a source changes', () => {
  it('renaming a source re-stamps its published articles in a background job', async () => {
    const source = await app.rest('POST', '/api/sources', { token: users.editor, body: { ...haiwaiSource, name: '掘金日报' } })
    const id = source.body.doc.id
    const article = await app.rest('POST', '/api/articles', {
      token: users.editor,
      body: { ...republished(id, { title: 'Rename me' }), _status: 'published' },
    })
    expect(article.status, JSON.stringify(article.body)).toBe(201)
    const renamed = await app.rest('PATCH', `/api/sources/${id}`, { token: users.editor, body: { name: '掘金周报', creditTemplate: '转载自 {source}' } })
    expect(renamed.status).toBe(200)
    // Not in the request:
    const before = await app.rest('GET', `/api/articles/${article.body.doc.id}`)
    expect(before.body.attribution.creditLine).toBe('来源: 掘金日报 · 原文链接 https://news.haiwaijuejin.example/2026/11/rba-rates')
    await app.payload.jobs.run({ queue: 'newsroom' })
    const after = await app.rest('GET', `/api/articles/${article.body.doc.id}`)
    expect(after.body.attribution.creditLine).toBe('转载自 掘金周报')
    expect(after.body.attribution.sourceName).toBe('掘金周报')
  })
})

describe('JSON-LD', () => {
  it('returns a NewsArticle naming the original', async () => {
    const article = await app.rest('POST', '/api/articles', {
      token: users.editor,
      body: { ...republished(sourceId, { title: 'JSON-LD story' }), _status: 'published' },
    })
    const response = await app.rest('GET', `/api/articles/${article.body.doc.id}/jsonld`)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toMatch(/application\/ld\+json/)
    const ld = response.body
    expect(ld['@context']).toBe('https://schema.org')
    expect(ld['@type']).toBe('NewsArticle')
    expect(ld.headline).toBe('JSON-LD story')
    expect(ld.datePublished).toBeTruthy()
    expect(ld.dateModified).toBeTruthy()
    expect(ld.publisher).toMatchObject({ '@type': 'Organization', name: '澳华新闻' })
    expect(ld.isBasedOn).toMatchObject({
      url: 'https://news.haiwaijuejin.example/2026/11/rba-rates',
      headline: 'RBA lifts rates',
    })
    expect(ld.isBasedOn.datePublished).toMatch(/^2026-11-30/)
    expect(JSON.stringify(ld.sourceOrganization)).toMatch(/海外掘金/)
    expect(ld.creditText).toMatch(/海外掘金/)
    expect(ld.copyrightNotice).toMatch(/海外掘金传媒/)
  })

  it('is not served for drafts to anonymous callers', async () => {
    const draft = await app.rest('POST', '/api/articles?draft=true', {
      token: users.editor,
      body: { title: 'Secret draft', _status: 'draft' },
    })
    const anonymous = await app.rest('GET', `/api/articles/${draft.body.doc.id}/jsonld`)
    expect(anonymous.status).toBe(404)
    const staffRead = await app.rest('GET', `/api/articles/${draft.body.doc.id}/jsonld`, { token: users.editor })
    expect(staffRead.status).toBe(200)
  })
})

describe('slugs', () => {
  it('gives Chinese titles a readable pinyin slug, unique in the collection', async () => {
    const first = await app.rest('POST', '/api/articles?draft=true', { token: users.editor, body: { title: '悉尼房价创新高', _status: 'draft' } })
    const second = await app.rest('POST', '/api/articles?draft=true', { token: users.editor, body: { title: '悉尼房价创新高', _status: 'draft' } })
    expect(first.body.doc.slug).toBe('xi-ni-fang-jia-chuang-xin-gao')
    expect(second.body.doc.slug).toBe('xi-ni-fang-jia-chuang-xin-gao-2')
    const cleared = await app.rest('PATCH', `/api/articles/${first.body.doc.id}?draft=true`, { token: users.editor, body: { slug: '' } })
    expect(cleared.body.doc.slug).toBe('xi-ni-fang-jia-chuang-xin-gao')
    const english = await app.rest('POST', '/api/articles?draft=true', { token: users.editor, body: { title: 'Rates Rise, Again!', _status: 'draft' } })
    expect(english.body.doc.slug).toBe('rates-rise-again')
  })
})

describe('slugs made before the title is typed', () => {
  it('follow the title until the first publish, then stay put', async () => {
    // The admin creates (autosaves) a draft before the editor types its title.
    const blank = await app.rest('POST', '/api/articles?draft=true', { token: users.editor, body: { _status: 'draft' } })
    expect(blank.status, JSON.stringify(blank.body)).toBe(201)
    const id = blank.body.doc.id
    expect(blank.body.doc.slug).toMatch(/^item-[0-9a-f]{6}$/)
    const titled = await app.rest('PATCH', `/api/articles/${id}?draft=true`, {
      token: users.editor,
      body: { title: '硅谷的新一轮裁员潮', slug: blank.body.doc.slug },
    })
    expect(titled.body.doc.slug).toBe('gui-gu-de-xin-yi-lun-cai-yuan-chao')
    const published = await app.rest('PATCH', `/api/articles/${id}`, { token: users.editor, body: { _status: 'published' } })
    expect(published.status, JSON.stringify(published.body)).toBe(200)
    const retitled = await app.rest('PATCH', `/api/articles/${id}`, {
      token: users.editor,
      body: { title: '硅谷裁员潮持续', slug: published.body.doc.slug },
    })
    expect(retitled.body.doc.slug).toBe('gui-gu-de-xin-yi-lun-cai-yuan-chao')
  })

  it('a slug the editor typed is kept when the title changes', async () => {
    const doc = await app.rest('POST', '/api/articles?draft=true', {
      token: users.editor,
      body: { title: 'First title', slug: 'Our Chosen Slug', _status: 'draft' },
    })
    expect(doc.body.doc.slug).toBe('our-chosen-slug')
    const retitled = await app.rest('PATCH', `/api/articles/${doc.body.doc.id}?draft=true`, {
      token: users.editor,
      body: { title: 'Second title', slug: 'our-chosen-slug' },
    })
    expect(retitled.body.doc.slug).toBe('our-chosen-slug')
  })
})
