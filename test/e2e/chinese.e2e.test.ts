import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { apiAs, launchBrowser, loginByApi, loginThroughForm, newContext, rest, screenshot } from './browser'
import { E2E_USERS } from './users'

const textOf = (page: Page, selector: string) => page.locator(selector).first().innerText()

describe('a zh-CN browser', () => {
  let browser: Browser
  let context: BrowserContext
  let page: Page

  beforeAll(async () => {
    const editor = await apiAs(E2E_USERS.editor)
    await rest(editor, 'POST', '/api/sources', {
      name: '经济观察',
      homepage: 'https://eeo.example.cn',
      domains: ['eeo.example.cn'],
      license: 'cc-by-nc',
      permissions: { republish: true, translate: true },
    })
    await editor.dispose()
    browser = await launchBrowser()
    context = await newContext(browser, 'zh-CN')
    page = await context.newPage()
  })
  afterAll(async () => {
    await browser?.close()
  })

  it('logs in and sees the navigation in Chinese: 文章, 评论, 来源, 媒体', async () => {
    await loginThroughForm(page, E2E_USERS.editor)
    const nav = page.locator('nav')
    for (const label of ['文章', '评论', '来源', '媒体', '编辑部']) {
      await expect.poll(() => nav.getByText(label, { exact: true }).count(), { timeout: 60_000 }).toBeGreaterThan(0)
    }
    await screenshot(page, 'zh-dashboard')
  })

  it('sees our fields, options and the attribution preview in Chinese in the article editor', async () => {
    await page.goto('/admin/collections/articles/create')
    await page.locator('#field-title').waitFor({ timeout: 90_000 })
    for (const label of ['标题', '稿件类型', '来源', '原文链接', '原文发布时间', '来源署名', '署名行', '读者将看到的署名', '原创']) {
      await expect.poll(() => textOf(page, 'form'), { timeout: 30_000 }).toContain(label)
    }
    await screenshot(page, 'zh-article-editor')
  })

  it('sees the sources list with licence and permissions in Chinese', async () => {
    await page.goto('/admin/collections/sources')
    await page.locator('table').waitFor({ timeout: 90_000 })
    for (const label of ['名称', '许可协议', '授权', '网站域名']) {
      await expect.poll(() => textOf(page, 'thead'), { timeout: 30_000 }).toContain(label)
    }
    const row = page.locator('tr', { hasText: '经济观察' })
    await expect.poll(() => row.innerText()).toContain('知识共享 署名-非商业性使用 4.0')
    await expect.poll(() => row.innerText()).toContain('可转载')
    await expect.poll(() => row.innerText()).toContain('可翻译')
  })

  it('shows a moderator the queue and its filters in Chinese', async () => {
    const moderator = await newContext(browser, 'zh-CN')
    try {
      await loginByApi(moderator, E2E_USERS.moderator)
      const queue = await moderator.newPage()
      await queue.goto('/admin/collections/comments')
      await queue.locator('.newsroom-queue').waitFor({ timeout: 90_000 })
      for (const label of ['审核队列', '待审核', '被举报', '已通过', '已拒绝', '垃圾评论', '全部']) {
        await expect.poll(() => textOf(queue, '.newsroom-queue'), { timeout: 30_000 }).toContain(label)
      }
      const nav = await textOf(queue, 'nav')
      expect(nav).toContain('评论')
      expect(nav).toContain('审核设置')
      expect(nav).not.toContain('文章')
    } finally {
      await moderator.close()
    }
  })

  it('lets a user of an English browser switch the panel to Chinese in their account', async () => {
    const english = await newContext(browser, 'en-US')
    try {
      await loginByApi(english, E2E_USERS.author)
      const account = await english.newPage()
      await account.goto('/admin/account')
      const nav = account.locator('.nav__wrap')
      await expect.poll(() => nav.innerText(), { timeout: 90_000 }).toContain('Articles')
      await account.locator('.rs__control', { has: account.locator('#language-select') }).click()
      await account.locator('.rs__option', { hasText: '中文' }).first().click()
      await expect.poll(() => nav.innerText(), { timeout: 60_000 }).toContain('文章')
      // the choice stays with the user on the next page
      await account.goto('/admin/collections/articles')
      await expect.poll(() => account.locator('.nav__wrap').innerText(), { timeout: 90_000 }).toContain('文章')
    } finally {
      await english.close()
    }
  })
})
