import crypto from 'node:crypto'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { haiwaiSource, republished, staff, type Newsroom } from '../collections/fixtures'
import { errorCode, postComment, setSettings, withinOneFloodWindow } from '../comments/helpers'
import { startTestApp, type TestApp } from '../helpers/app'
import { createTestDatabase, type TestDatabase } from '../helpers/database'
import { startStreamingReplica, type StreamingReplica } from '../helpers/replica'

// Reads on a real streaming replica of the local PostgreSQL, with its replay paused: staff, logins and comment
// submits still see their own writes (they read the primary); anonymous reads lag until replay resumes.
let replica: StreamingReplica
let database: TestDatabase
let app: TestApp
let users: Newsroom
let articleId: number

beforeAll(async () => {
  replica = await startStreamingReplica(process.env.DATABASE_URI!)
  database = await createTestDatabase('replica')
  await replica.catchUp()
  app = await startTestApp({ database, readReplicaUris: [replica.uriFor(database.uri)] })
  users = await staff(app)
  await setSettings(app, { mode: 'pre', floodLimitPerMinute: 3 })
  const source = await app.rest('POST', '/api/sources', { token: users.editor, body: haiwaiSource })
  const article = await app.rest('POST', '/api/articles', {
    token: users.editor,
    body: { ...republished(source.body.doc.id, { title: 'Before the pause' }), _status: 'published' },
  })
  expect(article.status, JSON.stringify(article.body)).toBe(201)
  articleId = article.body.doc.id
  await replica.catchUp()
  await replica.pause()
})
/** A clean-up step that may not hold the others up: the replica must stop and the hba line go, whatever happens. */
const bounded = async (label: string, step: (() => Promise<unknown>) | undefined) => {
  if (!step) return
  let timer: NodeJS.Timeout | undefined
  const started = Date.now()
  try {
    await Promise.race([step(), new Promise((_, reject) => (timer = setTimeout(() => reject(new Error('timed out')), 60_000)))])
  } catch (error) {
    console.warn(`replica test clean-up: ${label} failed after ${Date.now() - started} ms: ${(error as Error).message}`)
  } finally {
    clearTimeout(timer)
  }
}

afterAll(async () => {
  await bounded('resume', replica && (() => replica.resume()))
  await bounded('close the app', app && (() => app.close()))
  // the app was given the database, so closing it does not drop it
  await bounded('drop the database', database && (() => database.drop()))
  await bounded('stop the replica', replica && (() => replica.close()))
})

describe('reads with the replica paused', () => {
  it('an editor sees the save at once; an anonymous reader sees the replica, which lags, and catches up on resume', async () => {
    const saved = await app.rest('PATCH', `/api/articles/${articleId}`, { token: users.editor, body: { title: 'After the save' } })
    expect(saved.status, JSON.stringify(saved.body)).toBe(200)
    expect(saved.body.doc.title).toBe('After the save')
    const editorView = await app.rest('GET', `/api/articles/${articleId}?draft=true`, { token: users.editor })
    expect(editorView.body.title).toBe('After the save')
    // the proof that public reads really go to the replica: it has not applied the save yet
    const publicView = await app.rest('GET', `/api/articles/${articleId}`)
    expect(publicView.status).toBe(200)
    expect(publicView.body.title).toBe('Before the pause')
  })

  it('a reader who posts gets the comment back; the duplicate and flood checks see the writes the replica has not', async () => {
    const ip = `192.0.2.${crypto.randomInt(1, 254)}-${crypto.randomBytes(3).toString('hex')}`
    await withinOneFloodWindow()
    const posted = await postComment(app, { article: articleId, authorName: '读者', body: 'Paused replica, first word' }, { ip })
    expect(posted.status, JSON.stringify(posted.body)).toBe(201)
    expect(posted.body.doc).toMatchObject({ body: 'Paused replica, first word', status: 'pending' })
    const again = await postComment(app, { article: articleId, authorName: '读者', body: 'Paused replica, first word' }, { ip })
    expect(again.status).toBe(409)
    expect(errorCode(again)).toBe('comment.duplicate')
    const statuses: number[] = []
    for (let i = 0; i < 3; i++) {
      statuses.push((await postComment(app, { article: articleId, authorName: '读者', body: `Flood on a paused replica ${i}` }, { ip })).status)
    }
    // limit 3 a minute: the first comment, the refused duplicate (counted too, or not), then the flood limit
    expect(statuses.at(-1)).toBe(429)
  })

  it("the moderator's queue shows the decision just made", async () => {
    const posted = await postComment(app, { article: articleId, authorName: 'Q', body: 'Waiting for a moderator' })
    expect(posted.status).toBe(201)
    const id = posted.body.doc.id
    const queueBefore = await app.rest('GET', '/api/comments?where[status][equals]=pending&limit=100', { token: users.moderator })
    expect(queueBefore.body.docs.map((doc: { id: number }) => doc.id)).toContain(id)
    const decided = await app.rest('PATCH', `/api/comments/${id}`, { token: users.moderator, body: { status: 'approved' } })
    expect(decided.status, JSON.stringify(decided.body)).toBe(200)
    const queueAfter = await app.rest('GET', '/api/comments?where[status][equals]=pending&limit=100', { token: users.moderator })
    expect(queueAfter.body.docs.map((doc: { id: number }) => doc.id)).not.toContain(id)
    // the public thread is read from the replica: the approval shows only once replay resumes
    const thread = () => app.rest('GET', `/api/comments?where[article][equals]=${articleId}&limit=100`)
    expect((await thread()).body.docs.map((doc: { id: number }) => doc.id)).not.toContain(id)
    await replica.resume()
    expect((await thread()).body.docs.map((doc: { id: number }) => doc.id)).toContain(id)
    expect((await app.rest('GET', `/api/articles/${articleId}`)).body.title).toBe('After the save')
    await replica.pause()
  })

  it('a user created a moment ago logs in and is recognised', async () => {
    const email = `fresh-${crypto.randomBytes(3).toString('hex')}@example.com`
    const { token } = await app.userToken(email, ['editor'])
    const me = await app.rest('GET', '/api/users/me', { token })
    expect(me.body.user?.email).toBe(email)
  })
})
