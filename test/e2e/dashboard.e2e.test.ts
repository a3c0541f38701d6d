import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { apiAs, launchBrowser, loginByApi, newContext, rest, screenshot } from './browser'
import { E2E_USERS } from './users'

describe("the editor's dashboard", () => {
  let browser: Browser

  beforeAll(async () => {
    const editor = await apiAs(E2E_USERS.editor)
    const publishFrom = async (sourceName: string, domain: string, rightsWindowDays: number, title: string) => {
      const source = await rest(editor, 'POST', '/api/sources', {
        name: sourceName,
        homepage: `https://${domain}`,
        domains: [domain],
        license: 'cc-by',
        rightsWindowDays,
      })
      await rest(editor, 'POST', '/api/articles', {
        title,
        origin: 'republished',
        source: source.body.doc.id,
        originalUrl: `https://${domain}/story/1`,
        originalPublishedAt: '2026-11-20T00:00:00.000Z',
        _status: 'published',
      })
    }
    await publishFrom('短期授权社', 'short.example.org', 5, '五天后到期的转载')
    await publishFrom('长期授权社', 'long.example.org', 90, '九十天后到期的转载')
    await editor.dispose()
    browser = await launchBrowser()
  })
  afterAll(async () => {
    await browser?.close()
  })

  it('lists the articles whose rights window ends within 7 days', async () => {
    const context = await newContext(browser, 'zh-CN')
    await loginByApi(context, E2E_USERS.editor)
    const page = await context.newPage()
    await page.goto('/admin')
    const panel = page.getByTestId('rights-windows')
    await panel.waitFor({ timeout: 90_000 })
    await expect.poll(() => panel.innerText()).toContain('7 天内到期的授权')
    await expect.poll(() => panel.innerText()).toContain('五天后到期的转载')
    expect(await panel.innerText()).not.toContain('九十天后到期的转载')
    // not a moderator: no queue panel
    expect(await page.getByTestId('queue-size').count()).toBe(0)
    await screenshot(page, 'editor-dashboard-rights')
  })
})
