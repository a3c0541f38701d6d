/**
 * `npm run smoke`: the production build as a newcomer would run it. Starts `src/server.ts` with
 * NODE_ENV=production on a fresh SQLite file (migrations applied on start), checks /healthz, /admin, REST and
 * GraphQL, then sends SIGTERM and expects a clean exit. Run `npm run build` first.
 */
import { spawn } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

const port = Number(process.env.SMOKE_PORT || 3197)
const base = `http://127.0.0.1:${port}`
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-smoke-'))
let failures = 0
let passes = 0

const check = (name: string, ok: boolean, detail = '') => {
  if (ok) passes++
  else failures++
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${name}${detail ? ` (${detail})` : ''}`)
}

// One process (tsx as a loader, no wrapper), so SIGTERM reaches the server itself as it would in a container.
const server = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
  env: {
    ...process.env,
    NODE_ENV: 'production',
    PAYLOAD_SECRET: crypto.randomBytes(32).toString('hex'),
    DATABASE_URI: process.env.SMOKE_DATABASE_URI || `file:${path.join(dir, 'smoke.db')}`,
    PORT: String(port),
    HOST: '127.0.0.1',
    MEDIA_DIR: path.join(dir, 'media'),
  },
  stdio: ['ignore', 'pipe', 'pipe'],
})
let output = ''
server.stdout.on('data', (chunk) => (output += chunk))
server.stderr.on('data', (chunk) => (output += chunk))
const exited = new Promise<number | null>((resolve) => server.on('exit', (code) => resolve(code)))

const waitForHealth = async () => {
  const deadline = Date.now() + 180_000
  while (Date.now() < deadline) {
    try {
      const response = await fetch(`${base}/healthz`)
      if (response.status === 200) return response
    } catch {
      // not listening yet
    }
    if (server.exitCode !== null) break
    await new Promise((resolve) => setTimeout(resolve, 1000))
  }
  return null
}

try {
  const health = await waitForHealth()
  check('GET /healthz answers 200 {"status":"ok","db":"ok"}', Boolean(health) && JSON.stringify(await health!.json()) === '{"status":"ok","db":"ok"}')
  const admin = await fetch(`${base}/admin`)
  check('GET /admin answers 200', admin.status === 200, `status ${admin.status}`)
  check('the admin page is the Payload admin', /payload/i.test(await admin.text()))
  check('security headers are set', Boolean(admin.headers.get('content-security-policy')) && admin.headers.get('x-powered-by') === null)
  const register = await fetch(`${base}/api/users/first-register`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'smoke@example.com', password: 'smoke-password-123' }),
  })
  check('POST /api/users/first-register creates the first admin', register.status === 200, `status ${register.status}`)
  const { token } = await register.json().catch(() => ({}))
  const refused = await fetch(`${base}/api/articles`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `JWT ${token}`, 'accept-language': 'zh-CN' },
    body: JSON.stringify({ title: 'Smoke', origin: 'republished', _status: 'published' }),
  })
  const refusal = await refused.json().catch(() => ({}))
  const fields = (refusal?.errors?.[0]?.data?.errors ?? []).map((error: { path: string }) => error.path)
  // One copy of payload in the server and the routes: the gate's per-field errors reach the client.
  check('the publish gate refuses with every field named, in Chinese', refused.status === 400 && fields.includes('originalUrl') && /原文链接/.test(refusal.errors[0].message), `status ${refused.status}`)
  const articles = await fetch(`${base}/api/articles`)
  check('GET /api/articles answers 200', articles.status === 200, `status ${articles.status}`)
  const graphql = await fetch(`${base}/api/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ Articles { totalDocs } }' }),
  })
  const graphqlBody = await graphql.json().catch(() => ({}))
  check('POST /api/graphql answers', graphql.status === 200 && graphqlBody?.data?.Articles?.totalDocs === 0, `status ${graphql.status}`)
} finally {
  server.kill('SIGTERM')
  const code = await Promise.race([exited, new Promise<string>((resolve) => setTimeout(() => resolve('timeout'), 20_000))])
  check('SIGTERM stops the server cleanly', code === 0, `exit ${code}`)
  if (code === 'timeout') server.kill('SIGKILL')
  if (failures > 0) console.log(output.split('\n').slice(-40).join('\n'))
  fs.rmSync(dir, { recursive: true, force: true })
}
console.log(`smoke: ${passes} passed, ${failures} failed`)
process.exit(failures > 0 ? 1 : 0)
