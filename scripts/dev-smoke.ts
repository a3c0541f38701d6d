/**
 * `npm run smoke:dev`: `npm run dev` opened in Chromium at http://127.0.0.1 (not localhost), as a new user tries it.
 * Fresh SQLite in a temp folder; the admin's create-first-user form, the dashboard, the comments queue and the
 * article editor, the site's home and article pages, then a reported comment's view (its Keep button). Each page
 * must hydrate (a client-side effect runs) and the HMR WebSocket must connect through the Express host; the server log must not show blocked dev resources.
 * Prints the time each first visit took (the first compile).
 */
import { spawn } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { chromium } from 'playwright-core'

import { freePort } from '../test/helpers/ports'

const port = Number(process.env.SMOKE_PORT) || (await freePort())
const base = `http://127.0.0.1:${port}`
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-dev-smoke-'))
let failures = 0
const timings: [string, number][] = []
const check = (name: string, ok: boolean, detail = '') => {
  if (!ok) failures++
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${name}${detail ? ` (${detail})` : ''}`)
}

const started = Date.now()
const server = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
  env: {
    ...process.env,
    NODE_ENV: 'development',
    NEXT_TELEMETRY_DISABLED: '1',
    PAYLOAD_SECRET: crypto.randomBytes(32).toString('hex'),
    DATABASE_URI: `file:${path.join(dir, 'dev.db')}`,
    PORT: String(port),
    HOST: '127.0.0.1',
    MEDIA_DIR: path.join(dir, 'media'),
  },
  stdio: ['ignore', 'pipe', 'pipe'],
  detached: true,
})
let log = ''
server.stdout.on('data', (chunk) => (log += chunk))
server.stderr.on('data', (chunk) => (log += chunk))

const waitForHealth = async () => {
  const deadline = Date.now() + 300_000
  while (Date.now() < deadline) {
    if (server.exitCode !== null) return false
    try {
      if ((await fetch(`${base}/healthz`)).ok) return true
    } catch {
      // not yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500))
  }
  return false
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run'],
})
try {
  check('the dev server answers /healthz', await waitForHealth(), `${((Date.now() - started) / 1000).toFixed(1)} s`)
  const context = await browser.newContext({ baseURL: base, locale: 'en-US' })
  const page = await context.newPage()
  let hmrConnected = false
  page.on('websocket', (ws) => {
    if (ws.url().includes('/_next/')) {
      ws.on('framereceived', () => (hmrConnected = true))
    }
  })
  const visit = async (label: string, route: string, ready: () => Promise<unknown>) => {
    const t = Date.now()
    await page.goto(route, { timeout: 600_000 })
    await ready()
    const ms = Date.now() - t
    timings.push([label, ms])
    check(`${label} renders and hydrates`, true, `${(ms / 1000).toFixed(1)} s`)
  }
  const email = 'first@newsroom.local'
  const password = 'correct horse battery staple'
  await visit('admin create-first-user', '/admin', () => page.locator('#field-email').waitFor({ timeout: 600_000 }))
  await page.locator('#field-email').fill(email)
  await page.locator('#field-password').fill(password)
  await page.locator('#field-confirm-password').fill(password)
  await page.locator('button[type="submit"]').click()
  // The form logs the new admin in and leaves for the dashboard: wait for that before the next visit.
  await page.waitForURL((url) => !url.pathname.includes('create-first-user'), { timeout: 600_000 })
  await visit('admin dashboard', '/admin', () => page.locator('.dashboard').waitFor({ timeout: 600_000 }))
  await visit('comments queue', '/admin/collections/comments', () => page.locator('.collection-list').waitFor({ timeout: 600_000 }))
  await visit('article editor', '/admin/collections/articles/create', () => page.locator('#field-title').waitFor({ timeout: 600_000 }))

  const login = await fetch(`${base}/api/users/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ email, password }) })
  const { token } = (await login.json()) as { token: string }
  const article = await fetch(`${base}/api/articles`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `JWT ${token}` },
    body: JSON.stringify({ title: '开发服务器上的第一篇文章', origin: 'original', _status: 'published' }),
  })
  const { doc } = (await article.json()) as { doc: { slug: string; id: number } }
  await visit('site home', '/', () => page.getByText('开发服务器上的第一篇文章').first().waitFor({ timeout: 600_000 }))
  // The comment form's honeypot appears only once the client component has run (it comes with the form token).
  await visit('site article', `/articles/${doc.slug}`, () => page.locator('.comment-form .hp').waitFor({ state: 'attached', timeout: 600_000 }))
  // A reader's report on a comment: the moderator's view of it offers "Keep, dismiss the reports".
  const commentAnswer = await fetch(`${base}/api/comments`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `JWT ${token}` },
    body: JSON.stringify({ article: doc.id, body: '开发服务器上的第一条评论' }),
  })
  const comment = ((await commentAnswer.json()) as { doc: { id: number } }).doc
  const report = await fetch(`${base}/api/comments/${comment.id}/report`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ reason: 'abuse' }) })
  check('a reader reports the comment', report.status === 201, `HTTP ${report.status}`)
  await visit('comment view (reported)', `/admin/collections/comments/${comment.id}`, () => page.locator('[data-decision="keep"]').waitFor({ timeout: 600_000 }))
  check('the HMR WebSocket connected through the Express host', hmrConnected)
  check('no dev resource was blocked as cross-origin', !/Blocked cross-origin request/i.test(log))
} catch (error) {
  check('smoke run', false, error instanceof Error ? error.message : String(error))
} finally {
  await browser.close()
  try {
    process.kill(-server.pid!, 'SIGTERM')
  } catch {
    // gone
  }
  fs.writeFileSync(path.join(dir, 'server.log'), log)
}

console.log('\nfirst visit (includes the first compile of the page):')
for (const [label, ms] of timings) console.log(`  ${label.padEnd(26)} ${(ms / 1000).toFixed(1).padStart(6)} s`)
console.log(`server log: ${path.join(dir, 'server.log')}`)
if (failures) {
  console.log(`${failures} check(s) failed`)
  process.exit(1)
}
process.exit(0)
