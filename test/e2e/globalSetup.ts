/**
 * Starts the app for the browser tests: the Express host on a fresh SQLite database in a temp folder and a
 * free port, in production mode (which applies the migrations) from the `next build` (E2E_DEV=1: development),
 * waits for /healthz, registers the first admin and the editor, moderator and author, and sets the
 * moderation terms. Stops the server and removes the folder afterwards.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import type { TestProject } from 'vitest/node'

import { E2E_USERS, type E2EUser } from './users'

import { freePort } from '../helpers/ports'

const root = path.resolve(__dirname, '../..')
const resultsDir = path.join(root, 'test-results')

const waitForHealth = async (url: string, child: ChildProcess, timeoutMs: number) => {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`e2e: the server exited with code ${child.exitCode}; see test-results/e2e-server.log`)
    try {
      const response = await fetch(`${url}/healthz`)
      if (response.ok) return
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500))
  }
  throw new Error(`e2e: ${url}/healthz did not answer within ${timeoutMs / 1000} s; see test-results/e2e-server.log`)
}

const api = async (base: string, method: string, route: string, body?: unknown, token?: string) => {
  const response = await fetch(`${base}${route}`, {
    method,
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `JWT ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  const json = await response.json().catch(() => ({}))
  if (!response.ok) throw new Error(`e2e seed: ${method} ${route} → ${response.status} ${JSON.stringify(json)}`)
  return json
}

const seed = async (base: string, users: Record<string, E2EUser>) => {
  const admin = users.admin
  await api(base, 'POST', '/api/users/first-register', { email: admin.email, password: admin.password })
  const { token } = await api(base, 'POST', '/api/users/login', { email: admin.email, password: admin.password })
  for (const user of Object.values(users)) {
    if (user === admin) continue
    await api(base, 'POST', '/api/users', { email: user.email, password: user.password, roles: user.roles, displayName: user.displayName }, token)
  }
  await api(
    base,
    'POST',
    '/api/globals/moderation-settings',
    { bannedTerms: ['傻瓜'], suspectTerms: ['骗子'], floodLimitPerMinute: 100, maxLinks: 1 },
    token,
  )
}

let child: ChildProcess | undefined
let tempDir: string | undefined

export default async function setup(project: TestProject) {
  fs.mkdirSync(resultsDir, { recursive: true })
  tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-e2e-'))
  const port = await freePort()
  // 127.0.0.1, not localhost: Node may resolve localhost to ::1 while the server listens on IPv4
  const base = `http://127.0.0.1:${port}`
  const production = process.env.E2E_DEV !== '1'
  if (production && !fs.existsSync(path.join(root, '.next', 'BUILD_ID'))) {
    throw new Error('e2e: the browser tests run against the built app: run `npm run build` first (E2E_DEV=1 tries the dev server, which compiles pages too slowly for these tests)')
  }
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URI: `file:${path.join(tempDir, 'e2e.db')}`,
    MEDIA_DIR: path.join(tempDir, 'media'),
    PAYLOAD_SECRET: crypto.randomBytes(32).toString('hex'),
    PORT: String(port),
    HOST: '127.0.0.1',
    SERVER_URL: base,
    SITE_URL: 'https://news.example.cn',
    SITE_NAME: '环球新闻',
    // The jobs run here as on a single-instance site: the outbox that revalidates the pages is one of them.
    NEXT_TELEMETRY_DISABLED: '1',
    LOG_LEVEL: process.env.LOG_LEVEL || 'warn',
  }
  // Production applies the committed migrations on start; development pushes the schema.
  const log = fs.openSync(path.join(resultsDir, 'e2e-server.log'), 'w')
  child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    cwd: root,
    env: { ...env, NODE_ENV: production ? 'production' : 'development' },
    stdio: ['ignore', log, log],
    detached: true,
  })
  await waitForHealth(base, child, production ? 120_000 : 300_000)
  await seed(base, E2E_USERS)

  project.provide('baseURL', base)
  project.provide('production', production)

  return async () => {
    if (child?.pid && child.exitCode === null) {
      const exited = new Promise((resolve) => child!.once('exit', resolve))
      try {
        process.kill(-child.pid, 'SIGTERM')
      } catch {
        // already gone
      }
      const timer = setTimeout(() => {
        try {
          process.kill(-child!.pid!, 'SIGKILL')
        } catch {
          // already gone
        }
      }, 15_000)
      await exited
      clearTimeout(timer)
    }
    if (tempDir) fs.rmSync(tempDir, { recursive: true, force: true })
  }
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseURL: string
    production: boolean
  }
}
