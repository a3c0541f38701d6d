/**
 * The learned offence score in the CMS, over REST: settings, the hold reason and its spans, the queue sorted by
 * score, the score endpoint's access, learning from moderators (and not from readers), retraining through the
 * job, rollback, and the judged case: 30 rejections of a new insult make the next comment with it held.
 */
import crypto from 'node:crypto'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { startTestApp, type TestApp } from '../helpers/app'
import { postComment, publishArticle, setSettings } from './helpers'

let app: TestApp
let moderator: { token: string; id: number | string }
let admin: { token: string; id: number | string }
let editorToken: string
let authorToken: string
// a second instance on the same database shares the secret, so the same tokens work on both
const secret = crypto.randomBytes(24).toString('hex')

const OFFENSE_DEFAULTS = { offenseScoring: true, offenseHoldAt: null, offenseRejectAt: null, retrainAfterDecisions: 100 }
const settings = (data: Record<string, unknown> = {}) => setSettings(app, { ...OFFENSE_DEFAULTS, ...data })

beforeAll(async () => {
  app = await startTestApp({ label: 'comments_offense', secret })
  // the first user becomes an admin whatever its roles: the admin comes first
  admin = await app.userToken('admin@example.com', ['admin'])
  moderator = await app.userToken('moderator@example.com', ['moderator'])
  editorToken = (await app.userToken('editor@example.com', ['editor'])).token
  authorToken = (await app.userToken('author@example.com', ['author'])).token
  await settings()
})
afterAll(async () => app?.close())

// The shipped model scores this 0.99; the everyday sentence far below the hold threshold.
const RACIST = '黑鬼滚出中国'
const ORDINARY = '今天天气不错，我们去公园散步吧'

const asModerator = (id: number | string) => app.rest('GET', `/api/comments/${id}?depth=0`, { token: moderator.token })
const examplesOf = async (commentId: number | string) =>
  (await app.rest('GET', `/api/moderation-examples?where[comment][equals]=${commentId}&limit=10&depth=0`, { token: moderator.token })).body.docs as any[]
const decide = (id: number | string, data: Record<string, unknown>, token = moderator.token) =>
  app.rest('PATCH', `/api/comments/${id}`, { body: data, token })

describe('settings', () => {
  it('scores by default, holds at the model’s threshold, never rejects on a score alone, retrains after 100 decisions', async () => {
    const read = await app.rest('GET', '/api/globals/moderation-settings', { token: moderator.token })
    expect(read.status).toBe(200)
    expect(read.body).toMatchObject({ offenseScoring: true, retrainAfterDecisions: 100 })
    expect(read.body.offenseHoldAt ?? null).toBeNull()
    expect(read.body.offenseRejectAt ?? null).toBeNull()

    const saved = await app.rest('POST', '/api/globals/moderation-settings', {
      token: moderator.token,
      body: { offenseHoldAt: 0.9, offenseRejectAt: 0.95, retrainAfterDecisions: 20, activeOffenseModel: '12345' },
    })
    expect(saved.status).toBe(200)
    expect(saved.body.result).toMatchObject({ offenseHoldAt: 0.9, offenseRejectAt: 0.95, retrainAfterDecisions: 20 })
    // which model is active is the server's to say, not a settings field anyone writes
    expect(saved.body.result.activeOffenseModel ?? null).toBeNull()

    const outOfRange = await app.rest('POST', '/api/globals/moderation-settings', { token: moderator.token, body: { offenseHoldAt: 1.5 } })
    expect(outOfRange.status).toBe(400)
    await settings()
  })
})

describe('scoring comments', () => {
  it('holds a likely offensive comment with the reason, score and spans, and publishes an ordinary one', async () => {
    const article = await publishArticle(app)
    const held = await postComment(app, { article: article.id, authorName: 'A', body: `😀 ${RACIST}` })
    expect(held.status).toBe(201)
    // readers are told only that it waits for review; the reason is the moderators'
    expect(held.body.outcome).toMatchObject({ status: 'pending', code: 'comment.pending' })

    const doc = (await asModerator(held.body.doc.id)).body
    expect(doc.moderation.offenseScore).toBeGreaterThanOrEqual(0.82)
    expect(doc.moderation.verdict).toBe('hold')
    const reasons = doc.moderation.reasons as any[]
    expect(reasons[0].code).toBe('likely_offensive')
    const shown = Number(/^likely offensive \((0\.\d\d|1\.00)\)$/.exec(reasons[0].detail)?.[1])
    expect(Math.abs(shown - doc.moderation.offenseScore)).toBeLessThanOrEqual(0.0051)
    // the n-grams explain found, as spans of the original body (after the emoji), for the queue's highlight
    const spans = reasons.filter((reason) => reason.code === 'likely_offensive')
    expect(spans.length).toBeGreaterThan(1)
    for (const span of spans) {
      expect(span.end).toBeGreaterThan(span.start)
      expect(RACIST).toContain(doc.body.slice(span.start, span.end))
    }

    const ordinary = await postComment(app, { article: article.id, authorName: 'B', body: ORDINARY })
    expect(ordinary.body.outcome.status).toBe('approved')
    const ordinaryDoc = (await asModerator(ordinary.body.doc.id)).body
    expect(ordinaryDoc.moderation.offenseScore).toBeLessThan(0.3)
  })

  it('shows the score to moderators and admins only', async () => {
    const article = await publishArticle(app)
    const { body } = await postComment(app, { article: article.id, authorName: 'C', body: RACIST })
    const asAdmin = await app.rest('GET', `/api/comments/${body.doc.id}?depth=0`, { token: admin.token })
    expect(typeof asAdmin.body.moderation.offenseScore).toBe('number')
    const asEditor = await app.rest('GET', `/api/comments/${body.doc.id}?depth=0`, { token: editorToken })
    expect(asEditor.status).toBe(200)
    expect(asEditor.body.moderation).toBeDefined()
    expect(asEditor.body.moderation.offenseScore).toBeUndefined()
    const asGuest = await app.rest('GET', `/api/comments/${body.doc.id}`)
    expect(asGuest.status).toBe(404)
  })

  it('follows the thresholds: a higher hold threshold publishes, a reject threshold rejects, off scores nothing', async () => {
    const article = await publishArticle(app)
    await settings({ offenseHoldAt: 0.999 })
    expect((await postComment(app, { article: article.id, authorName: 'D', body: RACIST })).body.outcome.status).toBe('approved')

    await settings({ offenseRejectAt: 0.9 })
    const rejected = await postComment(app, { article: article.id, authorName: 'E', body: `${RACIST}！` })
    expect(rejected.body.outcome).toMatchObject({ status: 'rejected', code: 'comment.rejected.likely_offensive' })
    expect((await asModerator(rejected.body.doc.id)).body.moderation.reasons[0].code).toBe('likely_offensive')

    await settings({ offenseScoring: false })
    const unscored = await postComment(app, { article: article.id, authorName: 'F', body: `${RACIST}！！` })
    expect(unscored.body.outcome.status).toBe('approved')
    expect((await asModerator(unscored.body.doc.id)).body.moderation.offenseScore ?? null).toBeNull()
    await settings()
  })

  it('sorts the queue by score, riskiest first', async () => {
    const article = await publishArticle(app)
    await settings({ mode: 'pre' })
    const bodies = [ORDINARY, RACIST, '河南人都是骗子', '这篇报道写得很客观，谢谢作者']
    const ids = []
    for (const body of bodies) ids.push((await postComment(app, { article: article.id, authorName: 'G', body })).body.doc.id)
    await settings()
    const list = await app.rest(
      'GET',
      `/api/comments?where[article][equals]=${article.id}&where[status][equals]=pending&sort=-moderation.offenseScore&depth=0&limit=10`,
      { token: moderator.token },
    )
    expect(list.status).toBe(200)
    const scores = list.body.docs.map((doc: any) => doc.moderation.offenseScore)
    expect(scores).toHaveLength(4)
    expect([...scores].sort((a, b) => b - a)).toEqual(scores)
    expect(list.body.docs[0].body).toBe(RACIST)
  })
})

describe('POST /api/moderation/score', () => {
  it('answers moderators and admins with score, holdAt and explain; 403 for everyone else', async () => {
    for (const token of [moderator.token, admin.token]) {
      const res = await app.rest('POST', '/api/moderation/score', { token, body: { text: `😀 ${RACIST}` } })
      expect(res.status).toBe(200)
      expect(res.body.score).toBeGreaterThan(0.9)
      expect(res.body.holdAt).toBe(0.82)
      expect(res.body.version).toBe('shipped')
      expect(res.body.explain.length).toBeGreaterThan(0)
      for (const e of res.body.explain) expect(`😀 ${RACIST}`.slice(e.start, e.end)).toBe(e.text)
    }
    for (const token of [undefined, editorToken, authorToken]) {
      const res = await app.rest('POST', '/api/moderation/score', { token, body: { text: RACIST } })
      expect(res.status).toBe(403)
      expect(res.body.score).toBeUndefined()
    }
  })

  it('refuses a missing, empty, non-text or too long text with a 400 naming the limit', async () => {
    for (const body of [{}, { text: '' }, { text: ' \u200b ' }, { text: 42 }, { text: ['a'] }, { text: 'x'.repeat(5001) }]) {
      const res = await app.rest('POST', '/api/moderation/score', { token: moderator.token, body })
      expect(res.status, JSON.stringify(body).slice(0, 40)).toBe(400)
      expect(JSON.stringify(res.body)).toMatch(/text/)
    }
    const longest = await app.rest('POST', '/api/moderation/score', { token: moderator.token, body: { text: '好'.repeat(5000) } })
    expect(longest.status).toBe(200)
  })
})

describe('learning from moderators', () => {
  it('records each decision as examples: reject, approve, edit-then-approve, spam (kept, never trains)', async () => {
    const article = await publishArticle(app)
    await settings({ mode: 'pre' })
    const post = async (body: string) => (await postComment(app, { article: article.id, authorName: 'H', body })).body.doc.id
    const [rejectId, approveId, editId, spamId] = [await post('你们这些人真是脑子有病'), await post(ORDINARY), await post('这帮人都是废物，写得还行'), await post('加微信买便宜货')]
    await settings()

    expect((await decide(rejectId, { status: 'rejected' })).status).toBe(200)
    expect((await decide(approveId, { status: 'approved' }, admin.token)).status).toBe(200)
    expect((await decide(editId, { status: 'approved', body: '写得还行' })).status).toBe(200)
    expect((await decide(spamId, { status: 'spam' })).status).toBe(200)

    expect(await examplesOf(rejectId)).toMatchObject([{ text: '你们这些人真是脑子有病', label: 'offensive', decidedBy: String(moderator.id), decision: 'rejected' }])
    expect(await examplesOf(approveId)).toMatchObject([{ text: ORDINARY, label: 'safe', decidedBy: String(admin.id) }])
    const edited = await examplesOf(editId)
    expect(edited.map((e) => [e.text, e.label]).sort()).toEqual([
      ['写得还行', 'safe'],
      ['这帮人都是废物，写得还行', 'offensive'],
    ])
    expect(await examplesOf(spamId)).toMatchObject([{ label: 'spam' }])
    const withArticle = (await examplesOf(rejectId))[0]
    expect(withArticle.article).toBe(article.id)

    // read by moderators and admins only; written by nobody over the API
    expect((await app.rest('GET', '/api/moderation-examples', { token: editorToken })).status).toBe(403)
    expect((await app.rest('GET', '/api/moderation-examples')).status).toBe(403)
    const forged = await app.rest('POST', '/api/moderation-examples', { token: admin.token, body: { text: 'x', label: 'safe' } })
    expect(forged.status).toBe(403)
    const example = (await examplesOf(rejectId))[0]
    expect((await app.rest('PATCH', `/api/moderation-examples/${example.id}`, { token: admin.token, body: { label: 'safe' } })).status).toBe(403)

    // a deleted comment takes its examples with it
    expect((await app.rest('DELETE', `/api/comments/${editId}`, { token: moderator.token })).status).toBe(200)
    expect(await examplesOf(editId)).toEqual([])
    const left = await app.payload.count({ collection: 'moderation-examples', where: { comment: { equals: editId } }, overrideAccess: true })
    expect(left.totalDocs).toBe(0)
  })

  it('learns nothing from readers: reports, even one that sends a comment back to review, and authors’ edits', async () => {
    const article = await publishArticle(app)
    const before = await app.payload.count({ collection: 'moderation-examples', overrideAccess: true })
    await settings({ reportThreshold: 2 })
    const { body } = await postComment(app, { article: article.id, authorName: 'I', body: '我觉得这个说法有问题' })
    expect(body.outcome.status).toBe('approved')
    for (let i = 0; i < 2; i++) {
      const report = await app.rest('POST', `/api/comments/${body.doc.id}/report`, {
        body: { reason: 'abuse' },
        headers: { 'x-forwarded-for': `203.0.113.${i + 10}` },
      })
      expect(report.status).toBe(201)
    }
    expect((await asModerator(body.doc.id)).body.status).toBe('pending')
    const author = await app.userToken('reader@example.com', ['author'])
    const own = await postComment(app, { article: article.id, body: '作者自己的评论' }, { token: author.token })
    expect((await decide(own.body.doc.id, { body: '作者改过的评论' }, author.token)).status).toBe(200)
    const after = await app.payload.count({ collection: 'moderation-examples', overrideAccess: true })
    expect(after.totalDocs).toBe(before.totalDocs)
    await settings()
  })

  it('queues a retrain after retrainAfterDecisions new decisions', async () => {
    const article = await publishArticle(app)
    const waiting = () =>
      app.payload.count({ collection: 'payload-jobs', where: { taskSlug: { equals: 'retrainOffenseModel' }, completedAt: { exists: false } }, overrideAccess: true })
    await app.payload.delete({ collection: 'payload-jobs', where: { taskSlug: { equals: 'retrainOffenseModel' } }, overrideAccess: true })
    const examples = (await app.payload.count({ collection: 'moderation-examples', overrideAccess: true })).totalDocs
    await settings({ mode: 'pre', retrainAfterDecisions: examples + 2 })
    const ids = []
    for (const body of ['第一条评论', '第二条评论']) ids.push((await postComment(app, { article: article.id, authorName: 'J', body })).body.doc.id)
    await decide(ids[0], { status: 'approved' })
    expect((await waiting()).totalDocs).toBe(0)
    await decide(ids[1], { status: 'approved' })
    expect((await waiting()).totalDocs).toBe(1)
    await app.payload.delete({ collection: 'payload-jobs', where: { taskSlug: { equals: 'retrainOffenseModel' } }, overrideAccess: true })
    await settings()
  })
})

describe('retraining and rollback', () => {
  const INSULT = '蝈蝻货'
  const PROBES = ['你这个蝈蝻货', '楼上就是蝈蝻货吧', '蝈蝻货别说话了']
  const ORDINARY_LINES = [
    '今天的新闻很有意思', '这个政策我支持', '作者写得不错', '我觉得说得有道理', '大家怎么看这件事', '希望早日解决',
    '这条路早该修了', '物价又涨了', '楼主说得对', '周末去看看', '这个数据靠谱吗', '我们小区也这样', '支持一下',
    '期待后续报道', '天气越来越冷了', '孩子上学太难了', '房价还会涨吗', '医院排队太久', '感谢记者', '写得很详细',
    '这个问题要重视', '现在的年轻人压力大', '下次早点通知', '我老家也是这样', '值得关注', '说得太好了',
    '这事儿怎么办', '公交车太挤了', '菜价便宜了点', '图片拍得好看',
  ]
  const retrain = async () => {
    const queued = await app.rest('POST', '/api/moderation-models/retrain', { token: admin.token })
    expect(queued.status).toBe(202)
    await app.payload.jobs.runByID({ id: queued.body.jobId })
    // a finished job is deleted; a failed one stays with its error
    const left = await app.payload.find({ collection: 'payload-jobs', where: { id: { equals: queued.body.jobId } }, overrideAccess: true })
    expect(left.docs, JSON.stringify(left.docs[0]?.log ?? null).slice(0, 1000)).toEqual([])
    const latest = await app.rest('GET', '/api/moderation-models?sort=-version&limit=1&depth=0', { token: admin.token })
    return latest.body.docs[0] as { id: number | string; version: number; siteExamples: number; accuracy: number | null; active: boolean }
  }
  const score = async (text: string, on: TestApp = app) => (await on.rest('POST', '/api/moderation/score', { token: moderator.token, body: { text } })).body
  // another instance behind the same load balancer: it must pick up whichever version is active
  let second: TestApp
  beforeAll(async () => {
    second = await startTestApp({ secret, database: app.database, instanceKey: 'second' })
  })
  afterAll(async () => second?.close())

  it('only admins ask for a retrain; the job stores an active version without exposing the model', async () => {
    for (const token of [undefined, moderator.token, editorToken]) {
      const refused = await app.rest('POST', '/api/moderation-models/retrain', { token })
      expect(refused.status, `${token?.slice(0, 8)} ${JSON.stringify(refused.body)}`).toBe(403)
    }
    const first = await retrain()
    expect(first.version).toBe(1)
    const models = await app.rest('GET', '/api/moderation-models?depth=0', { token: moderator.token })
    expect(models.status).toBe(200)
    expect(models.body.docs).toHaveLength(1)
    const [v1] = models.body.docs
    expect(v1).toMatchObject({ version: 1, active: true })
    expect(v1.siteExamples).toBeGreaterThan(0)
    expect(v1.model).toBeUndefined()
    expect(typeof v1.trainedAt).toBe('string')
    expect((await app.rest('GET', '/api/moderation-models', { token: editorToken })).status).toBe(403)
    expect((await score('你好')).version).toBe(String(v1.id))
  })

  it('after moderators reject 30 comments with a new insult, a retrain holds the next comment carrying it', async () => {
    const article = await publishArticle(app)
    for (const probe of PROBES) expect((await score(probe)).score).toBeLessThan(0.82)
    expect((await score(PROBES[0], second)).score).toBeLessThan(0.82)

    // readers post them, the shipped model lets them through, moderators reject every one
    for (const [i, line] of ORDINARY_LINES.entries()) {
      const body = i % 2 ? `${INSULT}，${line}` : `${line}，真是个${INSULT}`
      const posted = await postComment(app, { article: article.id, authorName: `K${i}`, body })
      expect(posted.body.outcome.status, body).toBe('approved')
      expect((await decide(posted.body.doc.id, { status: 'rejected' })).status).toBe(200)
    }
    const retrained = await retrain()
    expect(retrained).toMatchObject({ version: 2, active: true })
    expect(retrained.accuracy).toBeGreaterThan(0.5)

    for (const probe of PROBES) expect((await score(probe)).score, probe).toBeGreaterThanOrEqual(0.82)
    // The second instance sees the new version at once. (On PostgreSQL it answered 403 here while each of its job
    // updates that lost a race with the first instance leaked a pool connection: see rollBackFailedJobUpdates.)
    expect(await score(PROBES[1], second)).toMatchObject({ version: String(retrained.id) })
    expect((await score(PROBES[1], second)).score).toBeGreaterThanOrEqual(0.82)
    const elsewhere = await second.rest('POST', '/api/comments', {
      body: { article: article.id, authorName: 'N', body: '楼上就是蝈蝻货吧，别理他' },
      headers: { 'x-forwarded-for': '192.0.2.77', 'user-agent': 'vitest' },
    })
    expect(elsewhere.status).toBe(201)
    expect(elsewhere.body.outcome.status).toBe('pending')
    const next = await postComment(app, { article: article.id, authorName: 'L', body: '你这个蝈蝻货，懂什么' })
    expect(next.body.outcome.status).toBe('pending')
    const stored = (await asModerator(next.body.doc.id)).body
    expect(stored.moderation.reasons[0]).toMatchObject({ code: 'likely_offensive' })
    expect(stored.moderation.offenseScore).toBeGreaterThanOrEqual(0.82)
    expect(stored.moderation.reasons.some((r: any) => r.code === 'likely_offensive' && stored.body.slice(r.start, r.end).includes('蝻'))).toBe(true)
  })

  it('an admin rolls back to an earlier version; moderators cannot', async () => {
    const article = await publishArticle(app)
    const versions = (await app.rest('GET', '/api/moderation-models?sort=version&depth=0', { token: admin.token })).body.docs
    const [v1, v2] = versions
    expect(v2.active).toBe(true)
    expect((await app.rest('PATCH', `/api/moderation-models/${v1.id}`, { token: moderator.token, body: { active: true } })).status).toBe(403)
    const rolled = await app.rest('PATCH', `/api/moderation-models/${v1.id}`, { token: admin.token, body: { active: true } })
    expect(rolled.status).toBe(200)
    const after = (await app.rest('GET', '/api/moderation-models?sort=version&depth=0', { token: admin.token })).body.docs
    expect(after.map((doc: any) => doc.active)).toEqual([true, false])
    // version 1 never saw the insult: the same comment is published again
    expect((await score(PROBES[0])).version).toBe(String(v1.id))
    expect(await score(PROBES[0], second)).toMatchObject({ version: String(v1.id) })
    expect((await score(PROBES[0], second)).score).toBeLessThan(0.82)
    const back = await postComment(app, { article: article.id, authorName: 'M', body: '你这个蝈蝻货，懂什么' })
    expect(back.body.outcome.status).toBe('approved')
    // the version fields stay as trained
    const tampered = await app.rest('PATCH', `/api/moderation-models/${v1.id}`, { token: admin.token, body: { version: 9, siteExamples: 1 } })
    expect(tampered.status).toBe(200)
    expect(tampered.body.doc).toMatchObject({ version: 1, siteExamples: v1.siteExamples })

    // deleting the active version brings back the shipped model
    expect((await app.rest('DELETE', `/api/moderation-models/${v1.id}`, { token: admin.token })).status).toBe(200)
    expect((await score('你好')).version).toBe('shipped')
  })
})
