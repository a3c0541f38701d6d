import fs from 'node:fs'
import path from 'node:path'

import { chromium, request as playwrightRequest, type APIRequestContext, type Browser, type BrowserContext, type Page } from 'playwright-core'
import { inject } from 'vitest'

import type { E2EUser } from './users'

export const baseURL = () => inject('baseURL')
const screenshotsDir = path.resolve(__dirname, '../../test-results/e2e')

/** Debian's Chromium (CHROMIUM_PATH to use another). */
export const launchBrowser = (): Promise<Browser> =>
  chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  })

/** A browser profile speaking one language (`zh-CN` sends `Accept-Language: zh-CN`). */
export const newContext = (browser: Browser, locale = 'en-US'): Promise<BrowserContext> =>
  browser.newContext({ baseURL: baseURL(), locale, viewport: { width: 1440, height: 1000 }, timezoneId: 'Asia/Shanghai' })

/** Logs in through the admin's login form. */
export const loginThroughForm = async (page: Page, user: E2EUser) => {
  await page.goto('/admin/login')
  await page.locator('#field-email').fill(user.email)
  await page.locator('#field-password').fill(user.password)
  await page.locator('button[type="submit"]').click()
  await page.waitForURL((url) => !url.pathname.endsWith('/login'), { timeout: 120_000 })
}

/** Logs in over REST; the browser context keeps the cookie. */
export const loginByApi = async (context: BrowserContext, user: E2EUser) => {
  const response = await context.request.post('/api/users/login', { data: { email: user.email, password: user.password } })
  if (!response.ok()) throw new Error(`login of ${user.email} failed: ${response.status()} ${await response.text()}`)
}

/**
 * A REST client signed in as a user (JWT header: Payload refuses cookie logins from clients that send neither
 * Origin nor Sec-Fetch-Site, as a CSRF guard). Without a user: a guest speaking `language`.
 */
export const apiAs = async (user?: E2EUser, language = 'en-US'): Promise<APIRequestContext> => {
  const headers: Record<string, string> = { 'Accept-Language': language }
  if (user) {
    const login = await playwrightRequest.newContext({ baseURL: baseURL() })
    const response = await login.post('/api/users/login', { data: { email: user.email, password: user.password } })
    if (!response.ok()) throw new Error(`login of ${user.email} failed: ${response.status()} ${await response.text()}`)
    headers.Authorization = `JWT ${(await response.json()).token}`
    await login.dispose()
  }
  return playwrightRequest.newContext({ baseURL: baseURL(), extraHTTPHeaders: headers })
}

/** A REST call; throws on errors unless `allowError`. */
export const rest = async <T = any>(
  request: APIRequestContext,
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
  route: string,
  data?: unknown,
  options: { allowError?: boolean; headers?: Record<string, string> } = {},
): Promise<{ status: number; body: T }> => {
  const response = await request.fetch(route, { method, data, headers: options.headers })
  const text = await response.text()
  let body: any = text
  try {
    body = JSON.parse(text)
  } catch {
    // not JSON
  }
  if (!options.allowError && !response.ok()) throw new Error(`${method} ${route} → ${response.status()} ${text.slice(0, 500)}`)
  return { status: response.status(), body }
}

/** Saves a screenshot to test-results/e2e/<name>.png. */
export const screenshot = async (page: Page, name: string) => {
  fs.mkdirSync(screenshotsDir, { recursive: true })
  await page.screenshot({ path: path.join(screenshotsDir, `${name}.png`) })
}
