import type { APIRequestContext, Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { zh } from '../../src/i18n'
import { apiAs, launchBrowser, loginByApi, newContext, rest, screenshot } from './browser'
import { E2E_USERS } from './users'

/** A reader's comment through the public endpoint, as a site posts it. */
const postAsGuest = async (guest: APIRequestContext, article: number | string, authorName: string, body: string) => {
  const response = await rest(guest, 'POST', '/api/comments', { article, authorName, body }, { allowError: true })
  return response
}

const commentStatus = async (staff: APIRequestContext, id: number | string) =>
  (await rest(staff, 'GET', `/api/comments/${id}?depth=0`)).body as { status: string; moderation?: { decidedBy?: string; decidedAt?: string } }

const idOfGuestAnswer = (body: any) => body?.doc?.id

describe('moderation: a guest comments, a moderator decides', () => {
  let browser: Browser
  let context: BrowserContext
  let page: Page
  let guest: APIRequestContext
  let moderatorApi: APIRequestContext
  let articleId: number
  const ids: Record<string, number> = {}

  beforeAll(async () => {
    browser = await launchBrowser()
    // the moderators of our Chinese site work in Chinese
    context = await newContext(browser, 'zh-CN')
    await loginByApi(context, E2E_USERS.moderator)
    page = await context.newPage()
    guest = await apiAs(undefined, 'zh-CN')
    moderatorApi = await apiAs(E2E_USERS.moderator)
    const editor = await apiAs(E2E_USERS.editor)
    const article = await rest(editor, 'POST', '/api/articles', { title: '城市夜跑的人们', origin: 'original', _status: 'published' })
    articleId = article.body.doc.id
    await editor.dispose()
  })
  afterAll(async () => {
    await guest?.dispose()
    await moderatorApi?.dispose()
    await browser?.close()
  })

  it('rejects a guest comment with a disguised banned word and holds a suspect one', async () => {
    const banned = await postAsGuest(guest, articleId, '路人甲', '你这个傻*瓜，写的什么东西')
    expect(banned.body.doc.status, JSON.stringify(banned.body)).toBe('rejected')
    expect(banned.body.message).toMatch(/评论未发布/)

    const suspect = await postAsGuest(guest, articleId, '路人乙', '作者就是个骗子，别信他')
    expect(suspect.body.doc.status, JSON.stringify(suspect.body)).toBe('pending')
    ids.suspect = idOfGuestAnswer(suspect.body)

    for (const [key, body] of [
      ['second', '骗子又来发广告了'],
      ['third', '这家店的老板是骗子吗？'],
    ] as const) {
      const held = await postAsGuest(guest, articleId, '路人丙', body)
      expect(held.body.doc.status).toBe('pending')
      ids[key] = idOfGuestAnswer(held.body)
    }
    expect(Object.values(ids).every((id) => id !== undefined), JSON.stringify(ids)).toBe(true)
  })

  it('shows the moderator the queue size on the dashboard and no article editing in the navigation', async () => {
    await page.goto('/admin')
    await expect.poll(() => page.getByTestId('queue-size-count').textContent(), { timeout: 90_000 }).toBe('3')
    const nav = page.locator('nav')
    await expect.poll(() => nav.getByText(zh['collection.comments.plural'], { exact: true }).count()).toBeGreaterThan(0)
    await expect.poll(() => nav.getByText(zh['global.moderation-settings'], { exact: true }).count()).toBeGreaterThan(0)
    expect(await nav.getByText(zh['collection.articles.plural'], { exact: true }).count()).toBe(0)
    expect(await nav.getByText(zh['collection.sources.plural'], { exact: true }).count()).toBe(0)
    await screenshot(page, 'moderator-dashboard')
  })

  it('opens the queue on what needs a decision, with the matched term highlighted and the reason in words', async () => {
    await page.goto('/admin/collections/comments')
    const row = page.locator('tr', { has: page.locator(`[data-comment-id="${ids.suspect}"]`) })
    await row.waitFor({ timeout: 90_000 })
    await expect.poll(() => row.locator('mark[data-reason="suspect_term"]').first().textContent()).toBe('骗子')
    await expect.poll(() => row.getByText(`${zh['reason.suspect_term']}: 骗子`).count()).toBeGreaterThan(0)
    await expect.poll(() => page.locator('[data-filter="needs"][aria-selected="true"]').count()).toBe(1)
    // the rejected comment is not in the queue
    expect(await page.getByText('你这个傻*瓜').count()).toBe(0)
    await screenshot(page, 'moderation-queue')
  })

  it('approves the held comment with one click from its own view, recording the decision', async () => {
    await page.locator(`[data-comment-id="${ids.suspect}"]`).click()
    await page.waitForURL(`**/admin/collections/comments/${ids.suspect}`, { timeout: 90_000 })
    const panel = page.locator('.newsroom-moderation')
    await expect.poll(() => panel.locator('[data-reason="suspect_term"]').count(), { timeout: 90_000 }).toBeGreaterThan(0)
    await expect.poll(() => panel.getByText('城市夜跑的人们').count()).toBeGreaterThan(0)
    await panel.locator('[data-decision="approved"]').click()
    await expect.poll(() => panel.getByTestId('comment-status').textContent(), { timeout: 30_000 }).toBe(zh['option.comments.status.approved'])
    await expect.poll(() => panel.innerText()).toContain(`${zh['admin.action.decidedBy']} ${zh['admin.action.you']} (${E2E_USERS.moderator.email})`)
    const saved = await commentStatus(moderatorApi, ids.suspect)
    expect(saved.status).toBe('approved')
    expect(saved.moderation?.decidedAt).toBeTruthy()
    await page.waitForTimeout(800) // let the toast finish sliding in for the screenshot
    await screenshot(page, 'comment-approved')
  })

  it('rejects two held comments at once from the queue', async () => {
    await page.goto('/admin/collections/comments')
    // select rows only once the list shows the queue
    await page.waitForURL(/where/, { timeout: 90_000 })
    await page.locator('[data-filter="needs"][aria-selected="true"]').waitFor({ timeout: 90_000 })
    await expect.poll(() => page.locator('tr', { has: page.locator(`[data-comment-id="${ids.suspect}"]`) }).count(), { timeout: 30_000 }).toBe(0)
    for (const key of ['second', 'third'] as const) {
      const row = page.locator('tr', { has: page.locator(`[data-comment-id="${ids[key]}"]`) })
      await row.waitFor({ timeout: 90_000 })
      await row.locator('input[type="checkbox"]').check()
    }
    await expect.poll(() => page.locator('.newsroom-queue__bulk').getAttribute('data-selected'), { timeout: 30_000 }).toBe('2')
    await page.locator('[data-bulk="rejected"]').click()
    await expect
      .poll(async () => [(await commentStatus(moderatorApi, ids.second)).status, (await commentStatus(moderatorApi, ids.third)).status], {
        timeout: 30_000,
      })
      .toEqual(['rejected', 'rejected'])
    await expect.poll(() => page.locator(`[data-comment-id="${ids.second}"]`).count(), { timeout: 30_000 }).toBe(0)
  })

  it('puts a reported comment in the queue, with the report in its view, and takes it out when the moderator keeps it', async () => {
    const clean = await postAsGuest(guest, articleId, '路人丁', '写得很好，谢谢分享')
    expect(clean.body.doc.status).toBe('approved')
    const id = idOfGuestAnswer(clean.body)
    const report = await rest(guest, 'POST', `/api/comments/${id}/report`, { reason: 'abuse', note: '人身攻击' })
    expect(report.status).toBe(201)

    await page.goto('/admin/collections/comments')
    await page.locator('[data-filter="needs"][aria-selected="true"]').waitFor({ timeout: 90_000 })
    await page.locator('[data-filter="reported"]').click()
    const row = page.locator('tr', { has: page.locator(`[data-comment-id="${id}"]`) })
    await row.waitFor({ timeout: 60_000 })
    await expect.poll(() => row.innerText()).toContain(zh['reason.reported'])
    await page.locator(`[data-comment-id="${id}"]`).click()
    await page.waitForURL(`**/admin/collections/comments/${id}`, { timeout: 60_000 })
    const panel = page.locator('.newsroom-moderation')
    await expect.poll(() => panel.innerText()).toContain(`${zh['option.comments.reports.reason.abuse']}: 人身攻击`)
    const openReports = (open: number) => zh['admin.comment.reportsOpen'].replace('{open}', String(open)).replace('{all}', '1')
    await expect.poll(() => panel.locator('[data-testid="comment-open-reports"]').innerText()).toBe(openReports(1))
    await screenshot(page, 'comment-reported')

    // The moderator keeps it: the report is dismissed, the comment stays approved and leaves the reported queue.
    await panel.locator('[data-decision="keep"]').click()
    await expect.poll(() => panel.locator('[data-testid="comment-open-reports"]').innerText(), { timeout: 30_000 }).toBe(openReports(0))
    await expect.poll(() => panel.locator('[data-decision="keep"]').count()).toBe(0)
    const kept = await rest(moderatorApi, 'GET', `/api/comments/${id}?depth=0`)
    expect([kept.body.status, kept.body.reportCount, kept.body.reports.length]).toEqual(['approved', 0, 1])
    await page.goto('/admin/collections/comments')
    await page.locator('[data-filter="reported"]').click()
    await page.locator('[data-filter="reported"][aria-selected="true"]').waitFor({ timeout: 60_000 })
    await page.waitForLoadState('networkidle')
    await expect.poll(() => page.locator(`[data-comment-id="${id}"]`).count(), { timeout: 30_000 }).toBe(0)
  })

  it('approves a reported comment from the queue, which settles its report', async () => {
    const clean = await postAsGuest(guest, articleId, '路人戊', '同意楼上的看法')
    const id = idOfGuestAnswer(clean.body)
    // this guest has posted a lot by now, so the comment may wait for a moderator: approve it first
    if (clean.body.doc.status !== 'approved') expect((await rest(moderatorApi, 'PATCH', `/api/comments/${id}`, { status: 'approved' })).status).toBe(200)
    expect((await rest(guest, 'POST', `/api/comments/${id}/report`, { reason: 'spam' })).status).toBe(201)

    await page.goto('/admin/collections/comments')
    await page.locator('[data-filter="needs"][aria-selected="true"]').waitFor({ timeout: 90_000 })
    await page.locator('[data-filter="reported"]').click()
    const row = page.locator('tr', { has: page.locator(`[data-comment-id="${id}"]`) })
    await row.waitFor({ timeout: 60_000 })
    await row.locator('input[type="checkbox"]').check()
    await expect.poll(() => page.locator('.newsroom-queue__bulk').getAttribute('data-selected'), { timeout: 30_000 }).toBe('1')
    await page.locator('[data-bulk="approved"]').click()
    await expect
      .poll(async () => {
        const doc = (await rest(moderatorApi, 'GET', `/api/comments/${id}?depth=0`)).body
        return [doc.status, doc.reportCount, doc.reports.length]
      }, { timeout: 30_000 })
      .toEqual(['approved', 0, 1])
    await expect.poll(() => row.count(), { timeout: 30_000 }).toBe(0)
  })
})
