import type { APIRequestContext, Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { en } from '../../src/i18n'
import { apiAs, launchBrowser, loginThroughForm, newContext, rest, screenshot } from './browser'
import { E2E_USERS } from './users'

/** Picks an option of a Payload select / relationship (react-select) field. */
const choose = async (page: Page, fieldId: string, option: string, type?: string) => {
  const field = page.locator(`#${fieldId}`)
  await field.locator('.rs__control').click()
  if (type) await page.keyboard.type(type)
  await page.locator('.rs__option', { hasText: option }).first().click()
}

describe('an editor republishes a story', () => {
  let browser: Browser
  let context: BrowserContext
  let page: Page
  let editorApi: APIRequestContext

  beforeAll(async () => {
    editorApi = await apiAs(E2E_USERS.editor)
    browser = await launchBrowser()
    context = await newContext(browser, 'en-US')
    page = await context.newPage()
  })
  afterAll(async () => {
    await editorApi?.dispose()
    await browser?.close()
  })

  it('logs in and creates a source', async () => {
    await loginThroughForm(page, E2E_USERS.editor)
    await page.goto('/admin/collections/sources/create')
    await page.locator('#field-name').fill('海外掘金')
    await page.locator('#field-homepage').fill('https://juejin.example.com')
    await page.locator('.field-domains .rs__control').click()
    await page.keyboard.type('juejin.example.com')
    await page.keyboard.press('Enter')
    await choose(page, 'field-license', 'CC BY 4.0')
    await page.locator('#action-save').click()
    await page.waitForURL(/\/admin\/collections\/sources\/\d+/, { timeout: 60_000 })
    const sources = await rest(editorApi, 'GET', `/api/sources?where[name][equals]=${encodeURIComponent('海外掘金')}`)
    expect(sources.body.docs[0]).toMatchObject({ license: 'cc-by', domains: ['juejin.example.com'] })
  })

  it('writes a republished article, sees the credit line before publishing, and the refusal listing what is missing', async () => {
    await page.goto('/admin/collections/articles/create')
    await page.locator('#field-title').fill('硅谷的新一轮裁员潮')
    await choose(page, 'field-origin', 'Republished')
    await choose(page, 'field-source', '海外掘金', '海外')
    const preview = page.getByTestId('attribution-preview')
    await expect.poll(() => preview.getByTestId('preview-credit').textContent(), { timeout: 30_000 }).toContain('来源: 海外掘金')
    await expect.poll(() => preview.getByTestId('preview-license').textContent()).toBe('CC BY 4.0 (Attribution)')

    await page.locator('#action-save').click()
    // the publish button refuses with the gate's list, in the editor's language, before the server is asked
    const refusal = page.getByTestId('publish-refusal')
    await expect.poll(() => refusal.textContent(), { timeout: 30_000 }).toContain(en['gate.refused'])
    await expect.poll(() => refusal.textContent()).toContain(en['gate.original-url-missing'])
    await expect.poll(() => refusal.textContent()).toContain(en['gate.original-published-at-missing'])
    await page.waitForURL(/\/articles\/\d+/, { timeout: 30_000 })
    const draftId = page.url().match(/articles\/(\d+)/)?.[1]
    expect((await rest(editorApi, 'GET', `/api/articles/${draftId}?depth=0`)).body._status).toBe('draft')
    await page.waitForTimeout(800) // let the toast finish sliding in for the screenshot
    await screenshot(page, 'editor-publish-refused')
  })

  it('fixes the article, publishes it and sees the stamped credit', async () => {
    await page.locator('#field-originalUrl').fill('https://juejin.example.com/post/7301')
    const date = page.locator('#field-originalPublishedAt input')
    await date.click()
    await date.fill('11/28/2026')
    await date.press('Enter')
    const preview = page.getByTestId('attribution-preview')
    await expect.poll(() => preview.locator('.newsroom-preview__ready').count(), { timeout: 30_000 }).toBe(1)
    const id = page.url().match(/articles\/(\d+)/)?.[1]
    expect(id, page.url()).toBeTruthy()
    await page.locator('#action-save').click()
    await expect
      .poll(async () => (await rest(editorApi, 'GET', `/api/articles/${id}?depth=0`)).body._status, { timeout: 30_000 })
      .toBe('published')
    await page.reload()
    await expect.poll(() => page.locator('#field-attribution__creditLine').inputValue(), { timeout: 60_000 }).toBe('来源: 海外掘金')
    await screenshot(page, 'editor-published-credit')
    const saved = (await rest(editorApi, 'GET', `/api/articles/${id}?depth=0`)).body
    expect(saved.attribution).toMatchObject({ creditLine: '来源: 海外掘金', originalUrl: 'https://juejin.example.com/post/7301', license: 'cc-by' })
  })
})

describe('an author', () => {
  it('cannot reach publish: drafts save themselves, there is no publish button, and the API refuses', async () => {
    const browser = await launchBrowser()
    try {
      const context = await newContext(browser, 'en-US')
      const page = await context.newPage()
      await loginThroughForm(page, E2E_USERS.author)
      await page.goto('/admin/collections/articles/create')
      await page.locator('#field-title').waitFor({ timeout: 90_000 })
      await page.locator('#field-title').fill('作者的草稿')
      await page.getByTestId('attribution-preview').waitFor({ timeout: 30_000 })
      await expect.poll(() => page.locator('.doc-controls').innerText(), { timeout: 30_000 }).toContain('Draft')
      expect(await page.locator('#action-save').count()).toBe(0)
      await screenshot(page, 'author-no-publish')
      const author = await apiAs(E2E_USERS.author)
      const refused = await rest(author, 'POST', '/api/articles', { title: '想直接发布', origin: 'original', _status: 'published' }, { allowError: true })
      expect(refused.status).toBe(403)
      await author.dispose()
    } finally {
      await browser.close()
    }
  })
})
