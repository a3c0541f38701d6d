import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { seed } from '../../src/seed'
import { startTestApp, type TestApp } from '../helpers/app'

let app: TestApp

beforeAll(async () => {
  app = await startTestApp({ label: 'seed' })
})
afterAll(async () => {
  await app?.close()
})

describe('npm run seed', () => {
  it('creates demo data in every state, and changes nothing when run again', async () => {
    const first = await seed(app.payload, { passwords: { admin: 'admin-password-1' } })
    expect(first.counts).toEqual({ users: 3, sources: 2, media: 5, sections: 4, tags: 5, articles: 6, comments: 11 })
    const again = await seed(app.payload)
    expect(again.counts).toEqual({ users: 0, sources: 0, media: 0, sections: 0, tags: 0, articles: 0, comments: 0 })
    expect(again.users.every((user) => user.password === null)).toBe(true)

    const statuses = await app.payload.find({ collection: 'comments', limit: 100, overrideAccess: true, depth: 0 })
    expect(new Set(statuses.docs.map((comment) => comment.status))).toEqual(new Set(['approved', 'pending', 'rejected', 'spam']))
  })

  it('lets the printed admin log in, and sites read published Chinese and English articles with credits', async () => {
    const login = await app.rest('POST', '/api/users/login', { body: { email: 'admin@newsroom.local', password: 'admin-password-1' } })
    expect(login.status).toBe(200)
    expect(login.body.user.roles).toContain('admin')
    const articles = await app.rest('GET', '/api/articles?limit=10&sort=createdAt')
    expect(articles.body.totalDocs).toBe(6)
    const rba = articles.body.docs.find((doc: any) => doc.title.startsWith('澳洲央行'))
    expect(rba.attribution.creditLine).toBe('来源: 海外掘金 · 原文链接')
    expect(rba.slug).toMatch(/^ao-zhou-yang-hang/)
    // Photos in the body, numbered in reading order for "图 1, 图 2…".
    expect(rba.figures.map((figure: any) => [figure.number, figure.label, figure.caption])).toEqual([
      [1, '图 1', '澳洲储备银行大楼'],
      [2, '图 2', '悉尼港的清晨'],
    ])
    expect(rba.figures[0].media).toBeTruthy()
    const approved = await app.rest('GET', `/api/comments?where[article][equals]=${rba.id}`)
    expect(rba.commentCount).toBe(approved.body.totalDocs)
  })
})
