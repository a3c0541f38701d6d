import crypto from 'node:crypto'
import http from 'node:http'
import type { AddressInfo } from 'node:net'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { createTestDatabase, type TestDatabase } from '../helpers/database'
import { startInstance, untilPage, type Instance } from '../helpers/instance'
import { startStreamingReplica, type StreamingReplica } from '../helpers/replica'
import { sleep, waitUntil } from '../helpers/wait'

// The reader site of a production instance, told of changes by the outbox, re-reads the CMS and caches the page.
// Two ways it could cache an old page until the next change, each made to happen here:
// - its public reads go to a real streaming replica, whose replay is paused to make it lag as a busy one does;
// - the site reads the CMS through `cms` below (CMS_URL), a proxy that can hold the answers, so that a render reads
//   the old data before a change commits and stores its page after the change's revalidation.
let replica: StreamingReplica
let database: TestDatabase
let site: Instance
let token: string

/** The site's way to the CMS (CMS_URL) and the outbox's way to the site (SITE_REVALIDATE_URL): forwards everything. */
const cms = {
  target: '',
  /** Holds the answers to the site's article reads this long (they are read at once, answered later). */
  holdArticlesMs: 0,
  articleReads: 0,
  revalidations: [] as string[][],
}
const proxy = http.createServer((req, res) => {
  const chunks: Buffer[] = []
  req.on('data', (chunk) => chunks.push(chunk))
  req.on('end', async () => {
    try {
      const isArticleRead = req.method === 'GET' && /^\/api\/articles(\?|$)/.test(req.url ?? '')
      if (isArticleRead) cms.articleReads++
      const body = Buffer.concat(chunks)
      const hold = isArticleRead ? cms.holdArticlesMs : 0
      const headers = Object.fromEntries(Object.entries(req.headers).filter(([name]) => !['host', 'connection', 'content-length'].includes(name))) as Record<string, string>
      const answer = await fetch(`${cms.target}${req.url}`, { method: req.method, headers, body: body.length ? body : undefined })
      const text = Buffer.from(await answer.arrayBuffer())
      // (recorded once the site has taken it)
      if (req.url === '/revalidate' && answer.ok) cms.revalidations.push(JSON.parse(body.toString()).tags)
      if (hold) await sleep(hold)
      res.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'application/octet-stream' }).end(text)
    } catch {
      res.writeHead(502).end()
    }
  })
})


const call = async (method: string, path: string, body?: unknown) => {
  const response = await fetch(`${site.base}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `JWT ${token}` } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  })
  return { status: response.status, body: (await response.json()) as any }
}

/** Readers asking for the page every 50 ms for `ms`: the titles they were shown. */
const readersFor = async (page: string, ms: number) => {
  const titles = new Set<string>()
  const until = Date.now() + ms
  while (Date.now() < until) {
    const html = await (await fetch(`${site.base}${page}`)).text()
    titles.add(/<h1[^>]*>([^<]*)/.exec(html)?.[1] ?? '(no title)')
    await sleep(50)
  }
  return [...titles]
}

beforeAll(async () => {
  replica = await startStreamingReplica(process.env.DATABASE_URI!)
  database = await createTestDatabase('replica_site')
  await replica.catchUp()
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve))
  const through = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`
  site = await startInstance({
    DATABASE_URI: database.uri,
    DATABASE_REPLICA_URIS: replica.uriFor(database.uri),
    PAYLOAD_SECRET: crypto.randomBytes(32).toString('hex'),
    CMS_URL: through,
    SITE_REVALIDATE_URL: `${through}/revalidate`,
  })
  cms.target = site.base
  const register = await call('POST', '/api/users/first-register', { email: 'admin@example.com', password: 'replica-password-123', roles: ['admin'] })
  expect(register.status, JSON.stringify(register.body)).toBe(200)
  token = register.body.token
}, 600_000)

afterAll(async () => {
  await replica?.resume().catch(() => undefined)
  await site?.stop()
  proxy.close()
  await database?.drop()
  await replica?.close()
})

/** A published article whose page the site has rendered and cached (read from the replica). */
const cachedArticle = async (title: string) => {
  const created = await call('POST', '/api/articles', { title, origin: 'original', _status: 'published' })
  expect(created.status, JSON.stringify(created.body)).toBe(201)
  const page = `/articles/${created.body.doc.slug}`
  await replica.catchUp()
  const shown = await untilPage(site, page, (html, status) => status === 200 && html.includes(title))
  expect(shown.ms, `the new article never showed: ${shown.status}`).not.toBeNull()
  expect((await fetch(`${site.base}${page}`)).headers.get('x-nextjs-cache')).toBe('HIT')
  return { id: created.body.doc.id as number, page }
}

describe('a page rendered from data read just before a change', () => {
  it('shows the change on the next requests, although the render stored its page after the change was announced', async () => {
    const { id, page } = await cachedArticle('Render race: first')
    const edit = async (title: string) => {
      const told = cms.revalidations.length
      const edited = await call('PATCH', `/api/articles/${id}`, { title })
      expect(edited.status, JSON.stringify(edited.body)).toBe(200)
      await replica.catchUp()
      await waitUntil(() => cms.revalidations.slice(told).some((tags) => tags.includes(`article:${edited.body.doc.slug}`)), 10_000, `the site told of "${title}"`, 10)
    }
    await edit('Render race: second')
    // a reader's request renders the page: the site reads 'second' now, and gets the answer 2 s later
    cms.holdArticlesMs = 2000
    const reads = cms.articleReads
    const render = fetch(`${site.base}${page}`).then((response) => response.text())
    await waitUntil(() => cms.articleReads > reads, 10_000, 'the render reading the article', 10)
    // meanwhile the article changes again and the site is told, before that render stores its page
    await edit('Render race: third')
    expect(await render).toContain('Render race: second')
    cms.holdArticlesMs = 0
    // Next serves the page stored after the announcement once more, and renders it again behind that answer
    const shown = await untilPage(site, page, (html) => html.includes('Render race: third'), 15_000)
    expect(shown.ms, 'the page stored after the announcement stayed, with the old title').not.toBeNull()
    console.log(`page rendered from old data, stored after the announcement → the change visible ${shown.ms} ms later`)
  })
})

describe('the reader site on a lagging read replica', () => {
  /**
   * An article's page cached, the replica paused, the title edited, readers asking for the page for `lagMs`
   * (they see the old page: public reads may lag by the replay delay), then the replica resumed: how long until
   * the page shows the edit (null: never, within `withinMs`).
   */
  const editWhileLagging = async (label: string, lagMs: number, withinMs: number) => {
    const { id, page } = await cachedArticle(`${label} before the edit`)
    await replica.pause()
    const edited = await call('PATCH', `/api/articles/${id}`, { title: `${label} after the edit` })
    expect(edited.status, JSON.stringify(edited.body)).toBe(200)
    expect(await readersFor(page, lagMs)).toEqual([`${label} before the edit`])
    await replica.resume()
    return (await untilPage(site, page, (html) => html.includes(`${label} after the edit`), withinMs)).ms
  }

  it('shows an edit once the replica has it, although readers asked for the page while it lagged', async () => {
    const ms = await editWhileLagging('Replica', 1000, 8000)
    expect(ms, 'the edit never showed: the page rendered from the lagging replica stayed cached').not.toBeNull()
    console.log(`replica resumed → edit visible in ${ms} ms`)
  })

  it('shows an edit when the replica lags longer than the outbox waits, by telling the site again later', async () => {
    // longer than the outbox waits for a replica (2 s): the site was told, and rendered the old page again
    const ms = await editWhileLagging('Long lag', 3500, 20_000)
    expect(ms, 'the edit never showed after the replica caught up').not.toBeNull()
    console.log(`replica resumed after a long lag → edit visible in ${ms} ms`)
  })
})
