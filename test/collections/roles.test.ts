import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { startTestApp, type TestApp } from '../helpers/app'
import { haiwaiSource, republished, staff, type Newsroom } from './fixtures'

let app: TestApp
let users: Newsroom
let sourceId: number | string
let publishedId: number | string
let draftId: number | string

beforeAll(async () => {
  app = await startTestApp({ label: 'roles' })
  users = await staff(app)
  const source = await app.rest('POST', '/api/sources', { token: users.editor, body: haiwaiSource })
  sourceId = source.body.doc.id
  const published = await app.rest('POST', '/api/articles', { token: users.editor, body: { ...republished(sourceId), _status: 'published' } })
  publishedId = published.body.doc.id
  const draft = await app.rest('POST', '/api/articles?draft=true', { token: users.editor, body: { title: 'Editor draft', _status: 'draft' } })
  draftId = draft.body.doc.id
})
afterAll(async () => {
  await app?.close()
})

describe('anonymous readers and sites', () => {
  it('list and read published articles only, over REST', async () => {
    const list = await app.rest('GET', '/api/articles')
    expect(list.status).toBe(200)
    expect(list.body.docs.map((doc: { id: unknown }) => doc.id)).toEqual([publishedId])
    expect((await app.rest('GET', `/api/articles/${publishedId}`)).status).toBe(200)
    expect((await app.rest('GET', `/api/articles/${draftId}`)).status).toBe(404)
    expect((await app.rest('GET', `/api/articles/${draftId}?draft=true`)).status).toBe(404)
  })

  it('list published articles only, over GraphQL', async () => {
    const response = await app.graphql('{ Articles { docs { id title _status } } }')
    expect(response.body.errors).toBeUndefined()
    const docs = response.body.data.Articles.docs
    expect(docs).toHaveLength(1)
    expect(docs[0]._status).toBe('published')
  })

  it('read sources without their permission evidence', async () => {
    const response = await app.rest('GET', `/api/sources/${sourceId}`)
    expect(response.status).toBe(200)
    expect(response.body.name).toBe('海外掘金')
    expect(response.body.permissionEvidence).toBeUndefined()
    const asEditor = await app.rest('GET', `/api/sources/${sourceId}`, { token: users.editor })
    expect(asEditor.body.permissionEvidence).toMatch(/E-mail/)
  })

  it('cannot write articles or sources', async () => {
    expect((await app.rest('POST', '/api/articles', { body: { title: 'x' } })).status).toBe(403)
    expect((await app.rest('POST', '/api/sources', { body: { name: 'x', license: 'cc-by' } })).status).toBe(403)
  })
})

describe('authors', () => {
  let ownDraft: number | string

  it('create and edit their own drafts', async () => {
    const created = await app.rest('POST', '/api/articles?draft=true', { token: users.author, body: { title: 'Author draft', _status: 'draft' } })
    expect(created.status).toBe(201)
    ownDraft = created.body.doc.id
    expect(created.body.doc.createdBy).toMatchObject({ id: users.authorId })
    const edited = await app.rest('PATCH', `/api/articles/${ownDraft}?draft=true`, { token: users.author, body: { title: 'Author draft v2' } })
    expect(edited.status).toBe(200)
  })

  it('never publish', async () => {
    const publish = await app.rest('PATCH', `/api/articles/${ownDraft}`, { token: users.author, body: { _status: 'published' } })
    expect(publish.status).toBe(403)
    const direct = await app.rest('POST', '/api/articles', { token: users.author, body: { title: 'Straight out', _status: 'published' } })
    expect(direct.status).toBe(403)
    const stored = await app.payload.findByID({ collection: 'articles', id: ownDraft, overrideAccess: true })
    expect(stored._status).toBe('draft')
  })

  it("cannot edit other people's articles", async () => {
    const response = await app.rest('PATCH', `/api/articles/${draftId}?draft=true`, { token: users.author, body: { title: 'Hijacked' } })
    expect(response.status).toBe(403)
    const other = await app.rest('PATCH', `/api/articles/${ownDraft}?draft=true`, { token: users.otherAuthor, body: { title: 'Hijacked' } })
    expect(other.status).toBe(403)
  })

  it('cannot create sources', async () => {
    const response = await app.rest('POST', '/api/sources', { token: users.author, body: { name: 'Mine', license: 'cc-by' } })
    expect(response.status).toBe(403)
  })
})

describe('moderators', () => {
  it('read articles but cannot create, edit or delete them', async () => {
    expect((await app.rest('GET', `/api/articles/${draftId}`, { token: users.moderator })).status).toBe(200)
    expect((await app.rest('POST', '/api/articles?draft=true', { token: users.moderator, body: { title: 'm', _status: 'draft' } })).status).toBe(403)
    expect((await app.rest('PATCH', `/api/articles/${publishedId}`, { token: users.moderator, body: { title: 'm' } })).status).toBe(403)
    expect((await app.rest('DELETE', `/api/articles/${publishedId}`, { token: users.moderator })).status).toBe(403)
  })
})

describe('editors and admins', () => {
  it.each(['editor', 'admin'] as const)('%s edits sources and any article', async (role) => {
    expect((await app.rest('PATCH', `/api/sources/${sourceId}`, { token: users[role], body: { copyrightHolder: `Holder ${role}` } })).status).toBe(200)
    expect((await app.rest('PATCH', `/api/articles/${draftId}?draft=true`, { token: users[role], body: { title: `By ${role}` } })).status).toBe(200)
  })
})

describe('sources', () => {
  it('derive permissions from the licence where the editor set none', async () => {
    const nd = await app.rest('POST', '/api/sources', { token: users.editor, body: { name: 'ND source', license: 'cc-by-nd', domains: ['nd.example'] } })
    expect(nd.body.doc.permissions).toEqual({ republish: true, modify: false, translate: false, images: true })
    const override = await app.rest('POST', '/api/sources', {
      token: users.editor,
      body: { name: 'Generous ARR', license: 'all-rights-reserved', permissions: { republish: true }, domains: ['arr.example'] },
    })
    expect(override.body.doc.permissions).toMatchObject({ republish: true, translate: false })
  })

  it('refuse an unknown credit-template placeholder, naming it', async () => {
    const response = await app.rest('POST', '/api/sources', {
      token: users.editor,
      body: { name: 'Bad template', license: 'cc-by', creditTemplate: '来源: {source} {publisher}' },
    })
    expect(response.status).toBe(400)
    expect(JSON.stringify(response.body)).toMatch(/\{publisher\}/)
  })

  it('require permission evidence for permission and wire licences', async () => {
    const response = await app.rest('POST', '/api/sources', { token: users.editor, body: { name: 'Wire without proof', license: 'wire' } })
    expect(response.status).toBe(400)
    expect(JSON.stringify(response.body)).toMatch(/permissionEvidence/)
  })
})
