/**
 * The server side of `npm run bench:api`, in its own process (so the load generator does not share its event
 * loop): Payload on a fresh database, the HTTP stack of bench/lib/api-server.ts, and the seeding. Driven by the
 * parent over IPC: each message {id, cmd, …} is answered with {id, result} or {id, error}.
 */
import crypto from 'node:crypto'

import { getPayload, type CollectionConfig, type Field } from 'payload'

import { Comments } from '../../collections/Comments'
import { createNewsroomConfig } from '../../src/config'
import { closeDatabase } from '../../src/host/database'
import { createTestDatabase } from '../../test/helpers/database'
import { analyze, insertComments, type SeedRow } from './api-seed'
import { startApiServer } from './api-server'

/** The Comments fields without hooks or access: the "bare" baseline. */
const bareFields = (fields: Field[]): Field[] =>
  fields.map((field) => {
    const copy: any = { ...field }
    delete copy.hooks
    delete copy.access
    if (Array.isArray(copy.fields)) copy.fields = bareFields(copy.fields)
    return copy
  })

const BareComments: CollectionConfig = {
  slug: 'bench-bare-comments',
  versions: Comments.versions,
  trash: Comments.trash,
  lockDocuments: false,
  indexes: Comments.indexes,
  access: { read: () => true, create: () => true, update: () => true, delete: () => true },
  fields: bareFields(Comments.fields),
}

const send = (message: unknown) => process.send?.(message)

const main = async () => {
  const database = await createTestDatabase('bench_api')
  const configPromise = createNewsroomConfig({
    databaseUri: database.uri,
    secret: crypto.randomBytes(24).toString('hex'),
    push: true,
    collections: [BareComments],
    // REDIS_URL: the flood counters go to Redis (as in a multi-instance deployment) instead of the database KV.
    redisUrl: process.env.REDIS_URL || undefined,
  })
  // Payload pushes the schema of a fresh database only outside production; serve in production mode afterwards.
  const payload = await getPayload({ config: configPromise })
  ;(process.env as Record<string, string>).NODE_ENV = 'production'
  const server = await startApiServer(configPromise, payload)

  await payload.updateGlobal({ slug: 'moderation-settings', data: { floodLimitPerMinute: 1_000_000, mode: 'post' } as never, overrideAccess: true })
  // The POSTs go round-robin to BENCH_ARTICLES published articles, as comments on a site do. (All on one article,
  // its exact recount — count(*) over that article's approved comments, on every insert — would grow with the
  // run's length, so the figure would depend on BENCH_ROUNDS/BENCH_DURATION; on PostgreSQL every POST would also
  // queue on that one article's row lock.)
  const postArticles: Array<number | string> = []
  for (let i = 0; i < Math.max(1, Number(process.env.BENCH_ARTICLES || 100)); i++) {
    const created = await payload.create({
      collection: 'articles',
      data: { title: `Bench article ${i + 1}`, origin: 'original', _status: 'published' } as never,
      overrideAccess: true,
    })
    postArticles.push(created.id)
  }

  let others: Array<number | string> = []
  const day = 86_400_000
  const now = Date.now()
  const rowAt = (articleId: number | string, i: number, extra: Partial<SeedRow> = {}): SeedRow => ({
    article: articleId,
    status: i % 10 === 0 ? 'pending' : i % 37 === 0 ? 'spam' : 'approved',
    body: `Seeded comment ${i} on ${articleId}`,
    authorName: `Seed ${i % 997}`,
    ipHash: crypto.createHash('sha256').update(String(i % 5000)).digest('hex').slice(0, 32),
    createdAt: new Date(now - Math.floor(Math.random() * 60 * day)).toISOString(),
    ...extra,
  })

  const commands: Record<string, (message: any) => Promise<unknown>> = {
    idle: () => server.idle(),
    // CPU time of this process (user + system, ms): per-request cost, robust to other load on the machine.
    cpu: async () => {
      const usage = process.cpuUsage()
      return (usage.user + usage.system) / 1000
    },
    // Every POST article's commentCount against its approved rows: the sums, and how many articles disagree.
    count: async () => {
      let commentCount = 0
      let approvedRows = 0
      let wrong = 0
      for (const id of postArticles) {
        const doc = (await payload.findByID({ collection: 'articles', id, depth: 0, overrideAccess: true })) as any
        const approved = await payload.count({
          collection: 'comments',
          where: { and: [{ article: { equals: id } }, { status: { equals: 'approved' } }] },
          overrideAccess: true,
        })
        commentCount += doc.commentCount ?? 0
        approvedRows += approved.totalDocs
        if ((doc.commentCount ?? 0) !== approved.totalDocs) wrong++
      }
      return { commentCount, approved: approvedRows, wrong }
    },
    // The read phase starts from a known size: drop the POST phase's comments, then build the thread.
    prepareThread: async () => {
      await (payload.db as any).deleteMany({ collection: 'comments', where: {}, req: {} })
      await (payload.db as any).deleteMany({ collection: 'bench-bare-comments', where: {}, req: {} })
      const thread = await payload.create({
        collection: 'articles',
        data: { title: 'Thread article', origin: 'original', _status: 'published' } as never,
        overrideAccess: true,
      })
      others = []
      for (let i = 0; i < 50; i++) {
        const other = await payload.create({
          collection: 'articles',
          data: { title: `Other ${i}`, origin: 'original', _status: 'published' } as never,
          overrideAccess: true,
        })
        others.push(other.id)
      }
      // 60 top-level comments (2 featured), each with 2 replies (one approved), and a reply to every other reply
      const topIds = await insertComments(payload, Array.from({ length: 60 }, (_, i) => rowAt(thread.id, i + 1, { status: 'approved', featured: i < 2 })))
      const replyIds = await insertComments(
        payload,
        topIds.flatMap((id, i) => [rowAt(thread.id, 1000 + i, { status: 'approved', parent: id }), rowAt(thread.id, 2000 + i, { parent: id })]),
      )
      const deeper = replyIds.filter((_, i) => i % 2 === 0)
      await insertComments(payload, deeper.map((id, i) => rowAt(thread.id, 3000 + i, { status: 'approved', parent: id })))
      return { threadId: thread.id, threadSize: topIds.length + replyIds.length + deeper.length }
    },
    fill: async ({ total, progress }) => {
      const current = (await payload.count({ collection: 'comments', overrideAccess: true })).totalDocs
      const rows = Array.from({ length: total - current }, (_, i) => rowAt(others[i % others.length]!, current + i))
      await insertComments(payload, rows, { progress, batch: 1000 })
      await analyze(payload)
      return { total: (await payload.count({ collection: 'comments', overrideAccess: true })).totalDocs }
    },
    close: async () => {
      await server.close()
      await closeDatabase(payload)
      await database.drop()
    },
  }

  process.on('message', async (message: any) => {
    try {
      const result = await commands[message.cmd]!(message)
      send({ id: message.id, result })
      if (message.cmd === 'close') setTimeout(() => process.exit(0), 50)
    } catch (error) {
      send({ id: message.id, error: String((error as Error)?.stack ?? error) })
    }
  })
  send({
    type: 'ready',
    url: server.url,
    kind: database.kind,
    where: database.kind === 'postgres' ? database.uri.replace(/\/\/[^@]*@/, '//') : 'fresh file',
    articleIds: postArticles,
  })
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
