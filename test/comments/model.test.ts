/**
 * A model-based test of comments over HTTP (fast-check's `commands`): readers post and reply, guests report,
 * moderators approve, reject, mark spam, keep reported comments, edit and delete, an editor closes and opens the article, a moderator
 * switches pre- and post-moderation. After every step the thread endpoint, the guest's REST list and the counts
 * endpoint equal what the model says, and a guest never sees a comment the model says is not approved.
 * MODEL_RUNS runs of up to 30 commands (200 in CI; 20 by default elsewhere).
 */
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { startTestApp, type TestApp } from '../helpers/app'
import { freshIp, publishArticle, setSettings } from './helpers'

const RUNS = Number(process.env.MODEL_RUNS || (process.env.CI ? 200 : 20))
const BANNED = 'forbiddenword'
const REPORT_THRESHOLD = 2

type Status = 'approved' | 'pending' | 'rejected' | 'spam'
interface ModelComment {
  status: Status
  parent: number | string | null
  body: string
  reportedBy: number
}
interface Model {
  open: boolean
  mode: 'post' | 'pre'
  comments: Map<string, ModelComment & { id: number | string }>
}
interface Real {
  article: { id: number | string }
}

let app: TestApp
let moderator: string
let editor: string
let author: string
let counter = 0

beforeAll(async () => {
  app = await startTestApp({ label: 'comments_model' })
  await app.userToken('first-admin@example.com', ['admin'])
  moderator = (await app.userToken('moderator@example.com', ['moderator'])).token
  editor = (await app.userToken('editor@example.com', ['editor'])).token
  author = (await app.userToken('author@example.com', ['author'])).token
})
afterAll(async () => app?.close())

const guestHeaders = () => ({ 'x-forwarded-for': freshIp(), 'user-agent': 'model' })
const visible = (model: Model) => [...model.comments.values()].filter((comment) => comment.status === 'approved')

/** What the thread shows: approved top-level comments, and approved replies whose parent is shown. */
const threadOf = (model: Model) => {
  const approved = visible(model)
  const shown = new Set<string>()
  const walk = (parent: string | null): unknown[] =>
    approved
      .filter((comment) => (comment.parent === null ? null : String(comment.parent)) === parent)
      .map((comment) => {
        shown.add(String(comment.id))
        return { id: String(comment.id), body: comment.body, replies: walk(String(comment.id)) }
      })
      .sort((a, b) => Number((a as { id: string }).id) - Number((b as { id: string }).id))
  return walk(null)
}
const realTree = (docs: any[]): unknown[] =>
  docs.map((doc) => ({ id: String(doc.id), body: doc.body, replies: realTree(doc.replies ?? []) })).sort((a, b) => Number(a.id) - Number(b.id))

/** The three public views, compared with the model after every command. */
const expectViewsMatch = async (model: Model, real: Real, step: string) => {
  const id = real.article.id
  const thread = await app.rest('GET', `/api/articles/${id}/comments?limit=100&order=oldest`)
  expect(thread.status, step).toBe(200)
  expect(realTree(thread.body.docs), step).toEqual(threadOf(model))
  const list = await app.rest('GET', `/api/comments?where[article][equals]=${id}&limit=200&depth=0`)
  const listed = list.body.docs.map((doc: { id: unknown }) => String(doc.id)).sort()
  expect(listed, step).toEqual(visible(model).map((comment) => String(comment.id)).sort())
  const counts = await app.rest('GET', `/api/comments/counts?articles=${id}`)
  expect(counts.body.counts[String(id)], step).toBe(visible(model).length)
}

class Post implements fc.AsyncCommand<Model, Real> {
  constructor(readonly as: 'guest' | 'author', readonly banned: boolean, readonly replyTo: number) {}
  check = () => true
  async run(model: Model, real: Real) {
    counter++
    const body = `${this.banned ? `${BANNED} ` : ''}remark ${counter} ${Math.random().toString(36).slice(2, 7)}`
    const approvedIds = visible(model).filter((comment) => comment.parent === null).map((comment) => comment.id)
    const parent = approvedIds.length && this.replyTo > 0 ? approvedIds[this.replyTo % approvedIds.length]! : null
    const answer = await app.rest('POST', '/api/comments', {
      body: { article: real.article.id, authorName: 'Reader', body, ...(parent !== null ? { parent } : {}) },
      token: this.as === 'author' ? author : undefined,
      headers: guestHeaders(),
    })
    if (!model.open) {
      expect(answer.status, this.toString()).toBe(403)
    } else {
      expect(answer.status, `${this.toString()} ${JSON.stringify(answer.body).slice(0, 200)}`).toBe(201)
      const status: Status = this.banned ? 'rejected' : model.mode === 'pre' ? 'pending' : 'approved'
      expect(answer.body.outcome.status, this.toString()).toBe(status)
      model.comments.set(String(answer.body.doc.id), { id: answer.body.doc.id, status, parent, body, reportedBy: 0 })
    }
    await expectViewsMatch(model, real, this.toString())
  }
  toString = () => `Post(${this.as}${this.banned ? ', banned' : ''}${this.replyTo ? `, reply ${this.replyTo}` : ''})`
}

const pick = (model: Model, n: number) => {
  const all = [...model.comments.values()]
  return all.length ? all[n % all.length] : undefined
}

class Decide implements fc.AsyncCommand<Model, Real> {
  constructor(readonly n: number, readonly status: Status) {}
  check = (model: Readonly<Model>) => model.comments.size > 0
  async run(model: Model, real: Real) {
    const target = pick(model, this.n)!
    const answer = await app.rest('PATCH', `/api/comments/${target.id}`, { token: moderator, body: { status: this.status } })
    expect(answer.status, this.toString()).toBe(200)
    // A decision settles the open reports: only later reports count towards the threshold.
    if (target.status !== this.status) target.reportedBy = 0
    target.status = this.status
    await expectViewsMatch(model, real, this.toString())
  }
  toString = () => `Decide(#${this.n} → ${this.status})`
}

/** A moderator keeps a reported comment: its open reports are dismissed, its status stays. */
class Keep implements fc.AsyncCommand<Model, Real> {
  constructor(readonly n: number) {}
  check = (model: Readonly<Model>) => model.comments.size > 0
  async run(model: Model, real: Real) {
    const target = pick(model, this.n)!
    const answer = await app.rest('PATCH', `/api/comments/${target.id}`, { token: moderator, body: { reportCount: 0 } })
    expect(answer.status, this.toString()).toBe(200)
    target.reportedBy = 0
    await expectViewsMatch(model, real, this.toString())
  }
  toString = () => `Keep(#${this.n})`
}

class Edit implements fc.AsyncCommand<Model, Real> {
  constructor(readonly n: number) {}
  check = (model: Readonly<Model>) => model.comments.size > 0
  async run(model: Model, real: Real) {
    const target = pick(model, this.n)!
    const body = `edited ${++counter}`
    expect((await app.rest('PATCH', `/api/comments/${target.id}`, { token: moderator, body: { body } })).status, this.toString()).toBe(200)
    target.body = body
    await expectViewsMatch(model, real, this.toString())
  }
  toString = () => `Edit(#${this.n})`
}

class Remove implements fc.AsyncCommand<Model, Real> {
  constructor(readonly n: number) {}
  check = (model: Readonly<Model>) => model.comments.size > 0
  async run(model: Model, real: Real) {
    const target = pick(model, this.n)!
    expect((await app.rest('DELETE', `/api/comments/${target.id}`, { token: moderator })).status, this.toString()).toBe(200)
    model.comments.delete(String(target.id))
    // Replies of a deleted comment lose their parent (the relationship is set to null) and stand on their own.
    for (const comment of model.comments.values()) if (String(comment.parent) === String(target.id)) comment.parent = null
    await expectViewsMatch(model, real, this.toString())
  }
  toString = () => `Remove(#${this.n})`
}

class Report implements fc.AsyncCommand<Model, Real> {
  constructor(readonly n: number) {}
  check = (model: Readonly<Model>) => model.comments.size > 0
  async run(model: Model, real: Real) {
    const target = pick(model, this.n)!
    const answer = await app.rest('POST', `/api/comments/${target.id}/report`, { body: { reason: 'abuse' }, headers: guestHeaders() })
    if (target.status !== 'approved') {
      // Guests cannot see, so cannot report, what is not approved; a report never changes anything else.
      expect(answer.status, this.toString()).toBe(404)
    } else {
      expect(answer.status, this.toString()).toBe(201)
      target.reportedBy++
      if (target.reportedBy >= REPORT_THRESHOLD) {
        target.status = 'pending'
        target.reportedBy = 0
      }
    }
    await expectViewsMatch(model, real, this.toString())
  }
  toString = () => `Report(#${this.n})`
}

class SetOpen implements fc.AsyncCommand<Model, Real> {
  constructor(readonly open: boolean) {}
  check = () => true
  async run(model: Model, real: Real) {
    const answer = await app.rest('PATCH', `/api/articles/${real.article.id}`, { token: editor, body: { allowComments: this.open } })
    expect(answer.status, this.toString()).toBe(200)
    model.open = this.open
    await expectViewsMatch(model, real, this.toString())
  }
  toString = () => (this.open ? 'OpenArticle' : 'CloseArticle')
}

class SetMode implements fc.AsyncCommand<Model, Real> {
  constructor(readonly mode: 'post' | 'pre') {}
  check = () => true
  async run(model: Model, real: Real) {
    const answer = await app.rest('POST', '/api/globals/moderation-settings', { token: moderator, body: { mode: this.mode } })
    expect(answer.status, this.toString()).toBe(200)
    model.mode = this.mode
    await expectViewsMatch(model, real, this.toString())
  }
  toString = () => `Mode(${this.mode})`
}

const commands = [
  fc.tuple(fc.constantFrom<'guest' | 'author'>('guest', 'author'), fc.boolean(), fc.nat(5)).map(([as, banned, reply]) => new Post(as, banned && Math.random() < 0.5, reply)),
  fc.tuple(fc.nat(), fc.constantFrom<Status>('approved', 'rejected', 'spam', 'pending')).map(([n, status]) => new Decide(n, status)),
  fc.nat().map((n) => new Edit(n)),
  fc.nat().map((n) => new Remove(n)),
  fc.nat().map((n) => new Report(n)),
  fc.nat().map((n) => new Keep(n)),
  fc.boolean().map((open) => new SetOpen(open)),
  fc.constantFrom<'post' | 'pre'>('post', 'pre').map((mode) => new SetMode(mode)),
]

describe('comments against a model', () => {
  it(`${RUNS} runs of up to 30 commands: the thread, the list and the counts always equal the model`, async () => {
    await setSettings(app, { bannedTerms: [BANNED], floodLimitPerMinute: 100_000, reportThreshold: REPORT_THRESHOLD })
    await fc.assert(
      fc.asyncProperty(fc.commands(commands, { maxCommands: 30 }), async (cmds) => {
        await setSettings(app, { bannedTerms: [BANNED], floodLimitPerMinute: 100_000, reportThreshold: REPORT_THRESHOLD })
        const article = await publishArticle(app)
        const model: Model = { open: true, mode: 'post', comments: new Map() }
        await fc.asyncModelRun(() => ({ model, real: { article } }), cmds)
      }),
      { numRuns: RUNS, seed: Number(process.env.MODEL_SEED) || undefined },
    )
  }, 30 * 60_000)
})
