/**
 * Guards against hostile callers, through REST and GraphQL as they would call: cookie logins from other origins
 * (CSRF) and CORS, login throttling per address, and GraphQL documents too deep or too wide.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { withinOneFloodWindow } from '../comments/helpers'
import { startTestApp, type TestApp } from '../helpers/app'

const CMS = 'https://cms.example.au'
const SITE = 'https://news.example.au'
const EVIL = 'https://evil.example'

let app: TestApp

beforeAll(async () => {
  app = await startTestApp({
    label: 'security_guards',
    serverURL: CMS,
    trustedOrigins: [CMS, SITE],
    plugin: { siteUrl: SITE, loginFailuresPerMinute: 3 },
  })
})
afterAll(async () => app?.close())

const cookieOf = (response: { headers: Headers }) => {
  const header = response.headers.get('set-cookie') ?? ''
  const token = /payload-token=([^;]+)/.exec(header)?.[1]
  if (!token) throw new Error(`no login cookie in ${header}`)
  return `payload-token=${token}`
}

describe('CSRF: a login cookie from another origin counts for nothing', () => {
  it('treats a cookie-authenticated write from another origin as anonymous, and from ours as the editor', async () => {
    await app.payload.create({ collection: 'users', data: { email: 'editor@example.com', password: 'correct horse battery', roles: ['editor'] } as never, overrideAccess: true })
    const login = await app.rest('POST', '/api/users/login', { body: { email: 'editor@example.com', password: 'correct horse battery' }, headers: { 'x-forwarded-for': '203.0.113.50' } })
    expect(login.status).toBe(200)
    const cookie = cookieOf(login)
    const article = { title: 'Written through a cookie', origin: 'original' }

    const forged = await app.rest('POST', '/api/articles', { body: article, headers: { cookie, origin: EVIL } })
    expect(forged.status).toBe(403)
    const meForged = await app.rest('GET', '/api/users/me', { headers: { cookie, origin: EVIL } })
    expect(meForged.body.user).toBeNull()
    // A non-browser client sending the cookie without Origin or Sec-Fetch-Site is not trusted either.
    expect((await app.rest('POST', '/api/articles', { body: article, headers: { cookie } })).status).toBe(403)

    const ours = await app.rest('POST', '/api/articles', { body: article, headers: { cookie, origin: CMS } })
    expect(ours.status).toBe(201)
    const sameOrigin = await app.rest('GET', '/api/users/me', { headers: { cookie, 'sec-fetch-site': 'same-origin' } })
    expect(sameOrigin.body.user.email).toBe('editor@example.com')
  })

  it('answers CORS preflights for the trusted origins only', async () => {
    const allowed = await app.rest('OPTIONS', '/api/comments', { headers: { origin: SITE, 'access-control-request-method': 'POST' } })
    expect(allowed.headers.get('access-control-allow-origin')).toBe(SITE)
    const refused = await app.rest('OPTIONS', '/api/comments', { headers: { origin: EVIL, 'access-control-request-method': 'POST' } })
    expect(refused.headers.get('access-control-allow-origin')).not.toBe(EVIL)
  })
})

describe('login throttling per address', () => {
  it('answers 429 with Retry-After after too many failures from one address, across accounts; other addresses still log in', async () => {
    await withinOneFloodWindow()
    for (const email of ['a@example.com', 'b@example.com']) {
      await app.payload.create({ collection: 'users', data: { email, password: 'correct horse battery', roles: ['author'] } as never, overrideAccess: true })
    }
    const attacker = { 'x-forwarded-for': '198.51.100.77' }
    const attempts = [
      { email: 'a@example.com', password: 'wrong 1' },
      { email: 'b@example.com', password: 'wrong 2' },
      { email: 'nobody@example.com', password: 'wrong 3' },
    ]
    for (const body of attempts) expect((await app.rest('POST', '/api/users/login', { body, headers: attacker })).status).toBe(401)
    // Now even the right password is refused from that address, whichever account.
    const refused = await app.rest('POST', '/api/users/login', { body: { email: 'a@example.com', password: 'correct horse battery' }, headers: attacker })
    expect(refused.status).toBe(429)
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0)
    expect(refused.body.errors[0].message).toMatch(/too many failed logins/i)
    const zh = await app.rest('POST', '/api/users/login', { body: { email: 'b@example.com', password: 'x' }, headers: { ...attacker, 'accept-language': 'zh-CN' } })
    expect(zh.status).toBe(429)
    // Another address is not affected, and the accounts are not locked by the attacker's three tries.
    const other = await app.rest('POST', '/api/users/login', { body: { email: 'a@example.com', password: 'correct horse battery' }, headers: { 'x-forwarded-for': '198.51.100.78' } })
    expect(other.status).toBe(200)
  })

  it('counts failed GraphQL logins too', async () => {
    await withinOneFloodWindow()
    await app.payload.create({ collection: 'users', data: { email: 'g@example.com', password: 'correct horse battery', roles: ['author'] } as never, overrideAccess: true })
    const login = (password: string) =>
      app.graphql(`mutation { loginUser(email: "g@example.com", password: "${password}") { token } }`, { headers: { 'x-forwarded-for': '198.51.100.90' } })
    for (let i = 0; i < 3; i++) expect((await login(`wrong ${i}`)).body.errors?.length).toBeGreaterThan(0)
    const refused = await app.rest('POST', '/api/users/login', { body: { email: 'g@example.com', password: 'correct horse battery' }, headers: { 'x-forwarded-for': '198.51.100.90' } })
    expect(refused.status).toBe(429)
  })
})

describe('GraphQL limits', () => {
  const nested = (depth: number) => {
    let selection = 'id'
    for (let i = 0; i < depth; i++) selection = `parent { ${selection} }`
    return `{ Comments { docs { ${selection} } } }`
  }

  // GraphQL over HTTP: a document that fails validation is 400 for clients that accept the GraphQL response type;
  // legacy `application/json` clients get 200 with the errors and no data. Either way nothing is executed.
  const MODERN = { accept: 'application/graphql-response+json' }

  it('refuses documents nested too deep or with too many aliases (400), executing nothing', async () => {
    const deep = await app.graphql(nested(12), { headers: MODERN })
    expect(deep.status).toBe(400)
    expect(JSON.stringify(deep.body.errors)).toMatch(/depth limit of 10 exceeded/i)
    expect(deep.body.data).toBeUndefined()
    const legacy = await app.graphql(nested(12))
    expect(legacy.body.errors.length).toBeGreaterThan(0)
    expect(legacy.body.data).toBeUndefined()
    const aliases = Array.from({ length: 50 }, (_, i) => `a${i}: Comments { totalDocs }`).join(' ')
    const wide = await app.graphql(`{ ${aliases} }`, { headers: MODERN })
    expect(wide.status).toBe(400)
    expect(JSON.stringify(wide.body.errors)).toMatch(/alias/i)
  })

  it('answers ordinary site queries', async () => {
    const ok = await app.graphql(nested(3))
    expect(ok.status).toBe(200)
    expect(ok.body.errors).toBeUndefined()
    const articles = await app.graphql('{ Articles(limit: 5) { docs { title slug attribution { creditLine } heroImage { url sizes { thumbnail { url } } } } } }')
    expect(articles.body.errors).toBeUndefined()
  })

  it('refuses introspection in production', async () => {
    const before = process.env.NODE_ENV
    try {
      ;(process.env as Record<string, string>).NODE_ENV = 'production'
      const introspection = await app.graphql('{ __schema { types { name } } }', { headers: MODERN })
      expect(introspection.status).toBe(400)
      expect(JSON.stringify(introspection.body.errors)).toMatch(/introspection is not allowed/)
    } finally {
      ;(process.env as Record<string, string | undefined>).NODE_ENV = before
    }
  })
})
