/**
 * Every custom endpoint as every role, and mass assignment: what each caller may not set is never stored.
 * Through REST only (the Local API skips access control). A known class of plugin vulnerabilities is a custom
 * endpoint calling the Local API with its default overrideAccess on a caller's behalf: this table would show it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { freshIp, postComment, publishArticle, setSettings } from '../comments/helpers'
import { startTestApp, type TestApp } from '../helpers/app'

type Role = 'anonymous' | 'author' | 'editor' | 'moderator' | 'admin'
const ROLES: Role[] = ['anonymous', 'author', 'editor', 'moderator', 'admin']

let app: TestApp
const tokens = {} as Record<Role, string | undefined>
const ids = {} as Record<Role, number | string | undefined>
let published: { id: number | string }
let draft: { id: number | string }
let approvedComment: { id: number | string }

beforeAll(async () => {
  app = await startTestApp({ label: 'security_access_matrix' })
  await setSettings(app, { floodLimitPerMinute: 1000 })
  tokens.anonymous = undefined
  // The very first user becomes admin (hooks/firstUserIsAdmin.ts): make that one first, so each role is what it says.
  await app.userToken('first@example.com', ['admin'])
  for (const role of ROLES.filter((r) => r !== 'anonymous')) {
    const user = await app.userToken(`${role}@example.com`, [role])
    tokens[role] = user.token
    ids[role] = user.id
  }
  published = await publishArticle(app)
  draft = await app.payload.create({ collection: 'articles', data: { title: 'A draft', origin: 'original', _status: 'draft' } as never, overrideAccess: true })
  approvedComment = (await postComment(app, { article: published.id, authorName: 'Reader', body: 'approved comment' })).body.doc
})
afterAll(async () => app?.close())

const call = (role: Role, method: string, path: string, body?: unknown) =>
  app.rest(method, path, { token: tokens[role], body, headers: { 'x-forwarded-for': freshIp(), 'user-agent': 'vitest' } })

describe('custom endpoints × roles', () => {
  // [endpoint, method, path, body, expected status per role]
  const table: Array<[string, string, () => string, (() => unknown) | undefined, Record<Role, number>]> = [
    ['form token', 'GET', () => '/api/comments/form-token', undefined, { anonymous: 200, author: 200, editor: 200, moderator: 200, admin: 200 }],
    ['counts', 'GET', () => `/api/comments/counts?articles=${published.id},${draft.id}`, undefined, { anonymous: 200, author: 200, editor: 200, moderator: 200, admin: 200 }],
    ['thread of a published article', 'GET', () => `/api/articles/${published.id}/comments`, undefined, { anonymous: 200, author: 200, editor: 200, moderator: 200, admin: 200 }],
    ['thread of a draft', 'GET', () => `/api/articles/${draft.id}/comments`, undefined, { anonymous: 404, author: 200, editor: 200, moderator: 200, admin: 200 }],
    ['JSON-LD of a published article', 'GET', () => `/api/articles/${published.id}/jsonld`, undefined, { anonymous: 200, author: 200, editor: 200, moderator: 200, admin: 200 }],
    ['JSON-LD of a draft', 'GET', () => `/api/articles/${draft.id}/jsonld`, undefined, { anonymous: 404, author: 200, editor: 200, moderator: 200, admin: 200 }],
    ['comment on a published article', 'POST', () => '/api/comments', () => ({ article: published.id, authorName: 'Someone', body: `hello ${Math.random()}` }), { anonymous: 201, author: 201, editor: 201, moderator: 201, admin: 201 }],
    ['comment on a draft', 'POST', () => '/api/comments', () => ({ article: draft.id, authorName: 'Someone', body: `hello ${Math.random()}` }), { anonymous: 403, author: 403, editor: 403, moderator: 403, admin: 403 }],
    ['report a comment', 'POST', () => `/api/comments/${approvedComment.id}/report`, () => ({ reason: 'spam' }), { anonymous: 201, author: 201, editor: 201, moderator: 201, admin: 201 }],
    ['offence score of a text', 'POST', () => '/api/moderation/score', () => ({ text: '黑鬼滚出中国' }), { anonymous: 403, author: 403, editor: 403, moderator: 200, admin: 200 }],
    ['retrain the offence model', 'POST', () => '/api/moderation-models/retrain', undefined, { anonymous: 403, author: 403, editor: 403, moderator: 403, admin: 202 }],
  ]
  for (const [name, method, path, body, expected] of table) {
    it(name, async () => {
      const got: Record<string, number> = {}
      for (const role of ROLES) got[role] = (await call(role, method, path(), body?.())).status
      expect(got).toEqual(expected)
    })
  }

  it('the counts and the thread never show what the public may not see, whoever asks', async () => {
    await setSettings(app, { mode: 'pre', floodLimitPerMinute: 1000 })
    const held = (await postComment(app, { article: published.id, authorName: 'Held', body: 'held for review' })).body.doc
    await setSettings(app, { floodLimitPerMinute: 1000 })
    for (const role of ROLES) {
      const thread = await call(role, 'GET', `/api/articles/${published.id}/comments?limit=100`)
      expect(thread.body.docs.map((doc: { id: unknown }) => doc.id), role).not.toContain(held.id)
      for (const doc of thread.body.docs) for (const key of ['authorEmail', 'ipHash', 'moderation', 'reports']) expect(doc, role).not.toHaveProperty(key)
      const counts = await call(role, 'GET', `/api/comments/counts?articles=${draft.id}`)
      expect(counts.body.counts[draft.id], role).toBe(0)
    }
  })
})

describe('mass assignment: what a caller may not set is never stored', () => {
  const POISON = {
    id: 987654,
    createdAt: '2001-01-01T00:00:00.000Z',
    updatedAt: '2001-01-01T00:00:00.000Z',
    roles: ['admin'],
    hash: 'forged-hash',
    salt: 'forged-salt',
    loginAttempts: 99,
    lockUntil: '2999-01-01T00:00:00.000Z',
    attribution: { creditLine: 'FORGED CREDIT', canonicalUrl: 'https://evil.example/' },
    status: 'approved',
    ipHash: 'forged-iphash',
    userAgentHash: 'forged-ua',
    fingerprint: 'forged',
    moderation: { verdict: 'approve', decidedBy: 'forged' },
    reports: [{ reason: 'spam', reporterHash: 'forged' }],
    reportCount: 42,
    featured: true,
    editedAt: '2001-01-01T00:00:00.000Z',
    commentCount: 999,
    createdBy: 1,
    authorUser: 1,
  }

  const stored = (collection: 'comments' | 'articles' | 'users', id: number | string) =>
    app.payload.findByID({ collection, id, depth: 0, overrideAccess: true, showHiddenFields: true }) as Promise<Record<string, any>>

  it('guests and authors commenting: status, moderation, reports, hashes, featured, authorUser, id and dates are the server’s', async () => {
    await setSettings(app, { mode: 'pre', floodLimitPerMinute: 1000 })
    for (const role of ['anonymous', 'author'] as Role[]) {
      const answer = await call(role, 'POST', '/api/comments', { ...POISON, article: published.id, authorName: 'Mallory', body: `mass assignment ${role}` })
      expect(answer.status, role).toBe(201)
      const doc = await stored('comments', answer.body.doc.id)
      expect(doc.id).not.toBe(POISON.id)
      expect(doc.status, role).toBe('pending')
      expect(doc.featured).toBe(false)
      expect(doc.reportCount).toBe(0)
      expect(doc.reports ?? []).toHaveLength(0)
      expect(doc.moderation.decidedBy).toBe('system')
      expect(doc.ipHash).not.toBe('forged-iphash')
      expect(doc.userAgentHash).not.toBe('forged-ua')
      expect(doc.fingerprint).not.toBe('forged')
      expect(doc.editedAt ?? null).toBeNull()
      expect(new Date(doc.createdAt).getFullYear()).toBeGreaterThan(2020)
      if (role === 'author') expect(doc.authorUser).toBe(ids.author)
      else expect(doc.authorUser ?? null).toBeNull()
    }
    await setSettings(app, { floodLimitPerMinute: 1000 })
  })

  it('an author editing their own comment cannot change its status, moderation, article or hashes', async () => {
    const mine = (await call('author', 'POST', '/api/comments', { article: published.id, body: 'my own words' })).body.doc
    const before = await stored('comments', mine.id)
    const patch = await call('author', 'PATCH', `/api/comments/${mine.id}`, { ...POISON, article: draft.id, body: 'my own words, edited' })
    expect(patch.status).toBe(200)
    const after = await stored('comments', mine.id)
    expect(after.body).toBe('my own words, edited')
    for (const key of ['status', 'ipHash', 'userAgentHash', 'featured', 'reportCount', 'createdAt', 'authorUser']) expect(after[key], key).toEqual(before[key])
    expect(after.article).toBe(published.id)
    expect(after.moderation.decidedBy).toBe('system')
  })

  it('articles: attribution, counts, createdBy, id and dates are the server’s, for every role that may write', async () => {
    for (const role of ['author', 'editor', 'admin'] as Role[]) {
      const answer = await call(role, 'POST', '/api/articles', { ...POISON, title: `Mass assignment ${role}`, origin: 'original', _status: 'draft' })
      expect(answer.status, role).toBe(201)
      const doc = await stored('articles', answer.body.doc.id)
      expect(doc.id).not.toBe(POISON.id)
      expect(doc.attribution?.creditLine ?? '', role).not.toContain('FORGED')
      expect(doc.attribution?.canonicalUrl ?? '', role).not.toContain('evil.example')
      expect(doc.commentCount ?? 0, role).toBe(0)
      expect(doc.createdBy, role).toBe(ids[role])
      expect(new Date(doc.createdAt).getFullYear()).toBeGreaterThan(2020)
    }
    // An author's publish is refused or stored as a draft: never published.
    const publish = await call('author', 'POST', '/api/articles', { title: 'Author publishing', origin: 'original', _status: 'published' })
    if (publish.status === 201) expect((await stored('articles', publish.body.doc.id))._status).not.toBe('published')
    else expect(publish.status).toBeGreaterThanOrEqual(400)
  })

  it('users: nobody but an admin sets roles; nobody sets hash, salt, login attempts or lock through the API', async () => {
    for (const role of ['author', 'editor', 'moderator'] as Role[]) {
      const patch = await call(role, 'PATCH', `/api/users/${ids[role]}`, POISON)
      expect(patch.status, role).toBeLessThan(500)
      const doc = await stored('users', ids[role]!)
      expect(doc.roles, role).toEqual([role])
      expect(doc.loginAttempts ?? 0).toBe(0)
      expect(doc.hash).not.toBe('forged-hash')
      expect(doc.salt).not.toBe('forged-salt')
      expect(doc.lockUntil ?? null).toBeNull()
      // Their password still works: the hash was not replaced.
      const login = await app.rest('POST', '/api/users/login', { body: { email: `${role}@example.com`, password: 'correct horse battery' }, headers: { 'x-forwarded-for': freshIp() } })
      expect(login.status, role).toBe(200)
    }
    const anonymous = await call('anonymous', 'POST', '/api/users', { email: 'new@example.com', password: 'correct horse battery', roles: ['admin'] })
    expect(anonymous.status).toBe(403)
  })

  it('filtering or sorting on fields the caller cannot read is refused or ignored, never a leak', async () => {
    const base = await call('anonymous', 'GET', `/api/comments?where[article][equals]=${published.id}&limit=100`)
    const probes = [
      `/api/comments?where[authorEmail][equals]=nobody@example.com&where[article][equals]=${published.id}&limit=100`,
      `/api/comments?where[ipHash][exists]=false&where[article][equals]=${published.id}&limit=100`,
      `/api/comments?where[moderation.verdict][equals]=hold&where[article][equals]=${published.id}&limit=100`,
      `/api/comments?sort=authorEmail&where[article][equals]=${published.id}&limit=100`,
      `/api/comments?where[authorUser.email][like]=admin&where[article][equals]=${published.id}&limit=100`,
      '/api/users?where[roles][contains]=admin',
    ]
    for (const probe of probes) {
      const answer = await call('anonymous', 'GET', probe)
      expect(answer.status, probe).toBeLessThan(500)
      if (answer.status === 200 && probe.startsWith('/api/comments')) {
        // Ignored, not applied: the caller learns nothing about the hidden field.
        expect(answer.body.totalDocs, probe).toBe(base.body.totalDocs)
      } else expect([400, 403], probe).toContain(answer.status)
    }
  })
})
