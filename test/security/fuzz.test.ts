/**
 * Malformed input, generated: wrong types, huge strings, deep JSON, lone surrogates, invalid UTF-8, NUL bytes, long
 * arrays and prototype keys, sent to every custom endpoint and every collection's create over REST. Whatever
 * comes in, the answer is a 4xx with a message (or a 2xx), never a 5xx, never a stack trace; and the server still
 * answers afterwards. FUZZ_RUNS bodies per target (1,000 in CI; 150 by default elsewhere).
 */
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { freshIp, publishArticle, setSettings } from '../comments/helpers'
import { startTestApp, type RestOptions, type TestApp } from '../helpers/app'
import { expectHandled, shortReport } from './handled'

const RUNS = Number(process.env.FUZZ_RUNS || (process.env.CI ? 1000 : 150))
const FIELDS = [
  'article', 'parent', 'body', 'text', 'authorName', 'authorEmail', 'website', 'formToken', 'reason', 'note', 'title', 'origin', 'source', 'slug', 'email', 'password', 'roles', 'name', 'domains', 'license', 'content', 'status', '_status',
  // dates
  'originalPublishedAt', 'publishedAt', 'commentsCloseAt', 'previousSecretExpiresAt', 'failingSince', 'decidedAt', 'updatedAt',
  // sections, tags, webhook endpoints
  'nameEn', 'order', 'description', 'url', 'events', 'active', 'secret', 'previousSecret',
  // the site and moderation settings
  'siteName', 'language', 'news', 'publicationName', 'logo', 'navigation', 'footer', 'privacyUrl', 'contact', 'phone', 'commentDisclaimer',
  'mode', 'bannedTerms', 'allowTerms', 'maxLinks', 'readings', 'homophones', 'floodLimitPerMinute', 'closeAfterDays', 'blockedAuthors', 'offenseHoldAt', 'activeOffenseModel',
]
const PROTO = ['__proto__', 'constructor', 'prototype']

const deepJson = (depth: number, open: string, close: string, leaf = '1') => open.repeat(depth) + leaf + close.repeat(depth)

/** A hostile value for one field. */
const value: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  any: fc.oneof(
    { depthSize: 'small' },
    fc.string({ unit: 'binary', maxLength: 200 }), // lone surrogates included
    fc.string({ unit: 'grapheme', maxLength: 50 }),
    fc.constantFrom('', ' ', '\u0000', 'a\u0000b', '\uD800', '\uDFFF', '🧨'.repeat(1000), 'x'.repeat(70_000), '<script>alert(1)</script>', '1; drop table comments;--', '../../etc/passwd', 'NaN', '-1', '0', '1e309'),
    fc.integer(),
    fc.double(),
    fc.constantFrom(Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER, 2 ** 64, -0, 1e308),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('any'), { maxLength: 5 }),
    fc.constant(Array.from({ length: 10_000 }, (_, i) => i)),
    fc.dictionary(fc.oneof(fc.constantFrom(...FIELDS, ...PROTO), fc.string({ maxLength: 8 })), tie('any'), { maxKeys: 4 }),
  ),
})).any

/** A whole request body: an object of hostile fields, or text that is not the JSON it claims to be. */
const body: fc.Arbitrary<RestOptions> = fc.oneof(
  fc.dictionary(fc.constantFrom(...FIELDS, ...PROTO, 'id', 'createdAt'), value, { maxKeys: 8 }).map((object) => ({ raw: JSON.stringify(object), headers: { 'content-type': 'application/json' } })),
  fc.constantFrom(
    deepJson(5000, '[', ']'),
    deepJson(3000, '{"a":', '}'),
    `{"article":${deepJson(2000, '{"id":', '}')}}`,
    '{"__proto__":{"isAdmin":true},"constructor":{"prototype":{"polluted":1}}}',
    '{"body":"unterminated',
    'not json at all',
    '',
    'null',
    '[]',
    '"just a string"',
    '{"body":"nul \u0000 inside"}',
  ).map((raw) => ({ raw, headers: { 'content-type': 'application/json' } })),
  fc.uint8Array({ minLength: 1, maxLength: 300 }).map((bytes) => ({ raw: Uint8Array.from([0x7b, 0x22, 0x62, 0x22, 0x3a, 0x22, ...bytes, 0xff, 0xfe, 0x22, 0x7d]), headers: { 'content-type': 'application/json' } })),
  fc.string({ maxLength: 200 }).map((raw) => ({ raw, headers: { 'content-type': 'application/x-www-form-urlencoded' } })),
)

let app: TestApp
let editor: string
let admin: string
let article: { id: number | string }
let comment: { id: number | string }
let endpoint: { id: number | string }
/** The article the PATCH fuzz changes (the others read `article` afterwards). */
let patched: { id: number | string }

beforeAll(async () => {
  app = await startTestApp({ label: 'security_fuzz' })
  admin = (await app.userToken('admin@example.com', ['admin'])).token
  editor = (await app.userToken('editor@example.com', ['editor'])).token
  await setSettings(app, { floodLimitPerMinute: 100_000 })
  article = await publishArticle(app)
  patched = await publishArticle(app)
  const posted = await app.rest('POST', '/api/comments', { body: { article: article.id, authorName: 'Reader', body: 'a fine comment' }, headers: { 'x-forwarded-for': freshIp() } })
  comment = posted.body.doc
  const registered = await app.rest('POST', '/api/webhook-endpoints', { token: admin, body: { url: 'https://hooks.example.com/newsroom', events: ['article.published'] } })
  expect(registered.status, JSON.stringify(registered.body)).toBe(201)
  endpoint = registered.body.doc
})
afterAll(async () => app?.close())

const fuzz = (target: string, method: string, path: () => string, token?: () => string) =>
  it(`${method} ${target}: ${RUNS} hostile bodies, never a 5xx`, async () => {
    await fc.assert(
      fc.asyncProperty(body, async (options) => {
        const response = await app.rest(method, path(), { ...options, token: token?.(), headers: { ...options.headers, 'x-forwarded-for': freshIp() } })
        expectHandled(`${method} ${target}`, response, options.raw instanceof Uint8Array ? `<${options.raw.length} bytes>` : options.raw)
      }),
      { numRuns: RUNS, seed: Number(process.env.FUZZ_SEED) || undefined, reporter: shortReport },
    )
  }, 10 * 60_000)

describe('custom endpoints', () => {
  fuzz('/api/comments (guest submit)', 'POST', () => '/api/comments')
  fuzz('/api/comments/:id/report', 'POST', () => `/api/comments/${comment.id}/report`)
  fuzz('/api/moderation/score (admin)', 'POST', () => '/api/moderation/score', () => admin)
  fuzz('/api/webhook-endpoints/:id/test (admin)', 'POST', () => `/api/webhook-endpoints/${endpoint.id}/test`, () => admin)
  fuzz('/api/webhook-endpoints/:id/rotate-secret (admin)', 'POST', () => `/api/webhook-endpoints/${endpoint.id}/rotate-secret`, () => admin)

  it(`GET endpoints with hostile query strings and ids: ${RUNS} each, never a 5xx`, async () => {
    const part = fc.oneof(fc.string({ unit: 'binary', maxLength: 40 }), fc.constantFrom('%00', '%ff', '%', '-1', '1e3', '0x10', '..', '%2e%2e', 'null', ' ', ','.repeat(500)))
    await fc.assert(
      fc.asyncProperty(part, async (raw) => {
        const piece = raw.startsWith('%') ? raw : encodeURIComponent(raw)
        for (const path of [`/api/comments/counts?articles=${piece}`, `/api/comments/form-token?article=${piece}`, `/api/articles/${piece || 'x'}/comments?page=${piece}&limit=${piece}&order=${piece}`, `/api/articles/${piece || 'x'}/jsonld`, `/api/comments/${piece || 'x'}`]) {
          expectHandled(`GET ${path}`, await app.rest('GET', path, { headers: { 'x-forwarded-for': freshIp() } }), raw)
        }
      }),
      { numRuns: RUNS, reporter: shortReport },
    )
  }, 10 * 60_000)
})

describe('collection creates', () => {
  fuzz('/api/articles (editor)', 'POST', () => '/api/articles', () => editor)
  fuzz('/api/sources (editor)', 'POST', () => '/api/sources', () => editor)
  fuzz('/api/users (admin)', 'POST', () => '/api/users', () => admin)
  fuzz('/api/media (editor, JSON instead of a file)', 'POST', () => '/api/media', () => editor)
  fuzz(`/api/comments/:id (moderator's PATCH)`, 'PATCH', () => `/api/comments/${comment.id}`, () => admin)
  fuzz('/api/articles/:id (editor’s PATCH of a published article)', 'PATCH', () => `/api/articles/${patched.id}`, () => editor)
  fuzz('/api/webhook-endpoints/:id (admin’s PATCH)', 'PATCH', () => `/api/webhook-endpoints/${endpoint.id}`, () => admin)
  fuzz('/api/sections (editor)', 'POST', () => '/api/sections', () => editor)
  fuzz('/api/tags (editor)', 'POST', () => '/api/tags', () => editor)
  fuzz('/api/webhook-endpoints (admin)', 'POST', () => '/api/webhook-endpoints', () => admin)
  fuzz('/api/globals/site-settings (editor)', 'POST', () => '/api/globals/site-settings', () => editor)
  fuzz('/api/globals/moderation-settings (admin)', 'POST', () => '/api/globals/moderation-settings', () => admin)

  it('the server still answers, and the data it kept is whole', async () => {
    expect((await app.rest('GET', `/api/articles/${article.id}`)).status).toBe(200)
    const thread = await app.rest('GET', `/api/articles/${article.id}/comments`)
    expect(thread.status).toBe(200)
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined()
  })
})

describe('what the fuzz found, kept as examples', () => {
  const send = (method: string, path: string, raw: string, token?: string, type = 'application/json') =>
    app.rest(method, path, { raw, token, headers: { 'content-type': type, 'x-forwarded-for': freshIp() } })

  it('keeps the server’s timestamps on the settings: a createdAt no one can parse made every later read of them a 500', async () => {
    for (const [global, token, field, value] of [['site-settings', editor, 'slogan', '最好看的新闻'], ['moderation-settings', admin, 'maxLinks', 2]] as const) {
      const path = `/api/globals/${global}`
      const before = await app.rest('GET', path, { token })
      const saved = await app.rest('POST', path, { token, body: { createdAt: '𐌶𓌇', updatedAt: 'soon', [field]: value } })
      expect(saved.status, `${global}: ${JSON.stringify(saved.body)}`).toBe(200)
      const after = await app.rest('GET', path, { token })
      expect(after.status, global).toBe(200)
      expect(after.body[field], global).toBe(value)
      expect(Number.isNaN(Date.parse(after.body.createdAt)), global).toBe(false)
      expect(Number.isNaN(Date.parse(after.body.updatedAt)), global).toBe(false)
      if (before.body.createdAt) expect(after.body.createdAt, global).toBe(before.body.createdAt)
      expect((await app.rest('POST', path, { token, body: {} })).status, global).toBe(200)
    }
  })

  it('ignores an id a caller sends for a new section (the nested-docs plugin took [0, 1, …] as its id: a 500)', async () => {
    for (const id of [[0, 1, 2], 999_999, 'x']) {
      const created = await send('POST', '/api/sections', JSON.stringify({ name: `栏目 ${JSON.stringify(id)}`, id }), editor)
      expect(created.status, JSON.stringify(created.body)).toBe(201)
      expect(created.body.doc.id).not.toEqual(id)
      const read = await app.rest('GET', `/api/sections/${created.body.doc.id}?depth=0`)
      expect(read.body.breadcrumbs.at(-1).doc).toBe(created.body.doc.id)
    }
  })

  it('answers a where the database cannot run with a 400, never a 500 (SQLite and PostgreSQL differ in what they can run)', async () => {
    // [query, the message when it is refused; always refused where `always`]
    const cases: Array<[string, RegExp, boolean]> = [
      ['where[id][in]=1,x', /wrong kind/, true],
      ['where[section][equals]=x', /wrong kind/, true],
      ['where[updatedAt][near]=1,2', /point fields/, true],
      ['where[publishedAt][less_than]=soon', /"where\[publishedAt\]\[less_than\]" must be a date/, true],
      ['where[createdAt][contains]=275761', /must be a date/, true],
      ['where[or][0][updatedAt][in]=2026-12-03,nope', /"where\[or\]\[0\]\[updatedAt\]\[in\]" must be a date/, true],
      ['where[id][equals][a]=0', /"where\[id\]\[equals\]" must be one value/, true],
      ['where[title][like][]=', /must be one value/, true],
      ['where[and]=x', /"where\[and\]" must be a list of conditions/, true],
      ['where[id]=1', /must name an operator/, true],
      ['where[OR][0][createdAt][less_than]=soon', /"where\[OR\]\[0\]\[createdAt\]\[less_than\]" must be a date/, true],
      ['sort=tags.slug,-tags.slug', /"sort" names "tags.slug" more than once/, true],
      ['where[id][contains]=1', /operator in the query cannot be used/, false],
      ['sort=parent.name,breadcrumbs.label', /cannot be sorted by these fields together/, false],
      ['sort=slug,parent.slug', /cannot be sorted by these fields together/, false],
      ['where[createdAt][greater_than_equal]=0000-01-01', /wrong kind/, false],
      ['where[title][like]=%00', /wrong kind/, false],
      ['where[or][0][id][in]=x&where[or][1][title][equals]=t', /wrong kind/, true],
    ]
    for (const [query, message, always] of cases) {
      const response = await app.rest('GET', `/api/articles?${query}`)
      if (always) expect(response.status, query).toBe(400)
      expect([200, 400], query).toContain(response.status)
      if (response.status === 400) expect(JSON.stringify(response.body.errors).replace(/\\"/g, '"'), query).toMatch(message)
    }
    // and/or in capitals (as GraphQL sends them) are Payload's too, not a field named OR
    expect((await app.rest('GET', '/api/articles?where[OR][0][title][equals]=t&where[OR][1][createdAt][less_than]=2026-12-03')).status).toBe(200)
    const graphql = await app.graphql('{ Articles(where: { OR: [{ title: { equals: "t" } }, { createdAt: { less_than: "2026-12-03T00:00:00.000Z" } }] }) { totalDocs } }')
    expect(graphql.body.errors, JSON.stringify(graphql.body)).toBeUndefined()
  })

  it('answers 400 with a message for each, where Payload answered 500', async () => {
    const cases: Array<[string, Promise<{ status: number; body: any }>, RegExp]> = [
      ['a path that is not percent-encoding', app.rest('GET', `/api/articles/%ff/comments`), /percent-encoding/],
      ['a JSON string body', send('POST', '/api/articles', '"just a string"', editor), /JSON object/],
      ['a JSON array body', send('POST', '/api/sources', '[1,2]', editor), /JSON object/],
      ['JSON nested 3,000 deep', send('PATCH', `/api/comments/${comment.id}`, `${'{"a":'.repeat(3000)}1${'}'.repeat(3000)}`, admin), /nested more than 64/],
      ['an empty form body', send('POST', '/api/users', '', admin, 'application/x-www-form-urlencoded'), /JSON object/],
      ['a number where text belongs', send('POST', '/api/articles', '{"title":0}', editor), /"title" must be text/],
      ['a list where a name belongs', send('POST', '/api/sources', '{"name":[]}', editor), /"name" must be text/],
      ['an empty status (stored as is, and answered 201, before)', send('POST', '/api/articles', '{"title":"t","_status":""}', editor), /"_status" must be one of "draft", "published"/],
      ['a role that does not exist', send('POST', '/api/users', '{"email":"r@example.com","password":"x","roles":["owner"]}', admin), /"roles" must be a list of one of/],
      ['a NUL character in a body (PostgreSQL stores none: 500 before)', send('PATCH', `/api/comments/${comment.id}`, '{"body":"a\\u0000b"}', admin), /may not contain NUL/],
      ['a number for rich text (stored as is, and answered 201, before)', send('POST', '/api/articles', '{"title":"t","content":0}', editor), /"content" must be a Lexical document/],
      ['an empty object for rich text (stored, then answered against the contract, before)', send('POST', '/api/articles', '{"title":"t","content":{}}', editor), /"content" must be a Lexical document/],
      ['a root without children', send('POST', '/api/articles', '{"title":"t","content":{"root":{"type":"root"}}}', editor), /"content" must be a Lexical document/],
      ['a node without a version', send('POST', '/api/articles', '{"title":"t","content":{"root":{"type":"root","children":[{"type":"paragraph"}],"direction":null,"format":"","indent":0,"version":1}}}', editor), /"content" must be a Lexical document/],
      ['a number for an e-mail', send('POST', '/api/users', '{"email":-1,"password":"x"}', admin), /"email" must be text/],
      ['an article that does not exist', send('PATCH', `/api/comments/${comment.id}`, '{"article":2000000000}', admin), /does not exist/],
      ['an id no column holds', send('PATCH', `/api/comments/${comment.id}`, '{"article":9007199254740991}', admin), /"article" must be an id|out of range|does not exist/],
      ['an empty form body to a global (500 before)', send('POST', '/api/globals/moderation-settings', '', admin, 'application/x-www-form-urlencoded'), /JSON object/],
      ['a group of the settings set to null (500 before)', send('POST', '/api/globals/moderation-settings', '{"readings":null}', admin), /"readings" must be an object/],
      ['a number for the site name', send('POST', '/api/globals/site-settings', '{"siteName":7}', editor), /"siteName" must be text/],
      ['an empty date (stored, then every read of the article, and every list holding it, was a 500)', send('PATCH', `/api/articles/${article.id}`, '{"originalPublishedAt":""}', editor), /"originalPublishedAt" must be a date/],
      ['a date no one can parse', send('PATCH', `/api/articles/${article.id}`, '{"commentsCloseAt":"soon"}', editor), /"commentsCloseAt" must be a date/],
      ['"0" for a date (JavaScript reads it as 2000; PostgreSQL refused it: a 500)', send('PATCH', `/api/articles/${article.id}`, '{"originalPublishedAt":"0"}', editor), /"originalPublishedAt" must be a date/],
      ['31 February (JavaScript reads it as 3 March; PostgreSQL refused it: a 500)', send('PATCH', `/api/articles/${article.id}`, '{"commentsCloseAt":"2026-02-31T08:00:00.000Z"}', editor), /"commentsCloseAt" must be a date/],
      ['"0" for when a webhook endpoint began failing (the fuzz’s find, seed -1490762239 on PostgreSQL)', send('PATCH', `/api/webhook-endpoints/${endpoint.id}`, '{"failingSince":"0"}', admin), /"failingSince" must be a date/],
      ['the year 0 (PostgreSQL has none: a 500)', send('PATCH', `/api/articles/${article.id}`, '{"commentsCloseAt":"0000-06-01"}', editor), /"commentsCloseAt" must be a date/],
      ['article id 0', send('PATCH', `/api/comments/${comment.id}`, '{"article":0}', admin), /"article" must be an id/],
    ]
    for (const [what, pending, message] of cases) {
      const response = await pending
      expect(response.status, what).toBe(400)
      expect(JSON.stringify(response.body.errors).replace(/\\"/g, '"'), what).toMatch(message)
    }
  })
})
