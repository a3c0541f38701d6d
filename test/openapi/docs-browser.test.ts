import fs from 'node:fs'
import type { AddressInfo } from 'node:net'
import type { Server } from 'node:http'

import express from 'express'
import helmet from 'helmet'
import { handleEndpoints } from 'payload'
import { chromium } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { contentSecurityPolicy } from '../../src/host/app'
import { startTestApp, type TestApp } from '../helpers/app'

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium'
let app: TestApp
let server: Server
let base: string

// The production CSP of src/host/app.ts (no 'unsafe-eval'), without upgrade-insecure-requests, which would send
// the page's own files to https on this plain-http test server.
const { upgradeInsecureRequests: _upgrade, ...directives } = contentSecurityPolicy(false).directives as Record<string, unknown>

beforeAll(async () => {
  app = await startTestApp({ label: 'openapi_docs_browser' })
  const host = express()
  host.use(helmet({ contentSecurityPolicy: { useDefaults: false, directives: directives as never }, hsts: false }))
  host.use(async (req, res) => {
    const response = await handleEndpoints({
      config: Promise.resolve(app.config),
      request: new Request(`${base}${req.originalUrl}`, { method: req.method, headers: req.headers as Record<string, string> }),
    } as Parameters<typeof handleEndpoints>[0])
    res.status(response.status)
    response.headers.forEach((value, key) => res.setHeader(key, value))
    res.end(Buffer.from(await response.arrayBuffer()))
  })
  server = await new Promise<Server>((resolve) => {
    const listening = host.listen(0, '127.0.0.1', () => resolve(listening))
  })
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve))
  await app?.close()
})

describe.skipIf(!fs.existsSync(CHROMIUM))('/api/docs in Chromium', () => {
  it('renders the reference under our Content-Security-Policy, with no violation', async () => {
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] })
    try {
      const page = await browser.newPage()
      const violations: string[] = []
      page.on('console', (message) => {
        if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text())
      })
      const response = await page.goto(`${base}/api/docs`)
      expect(response?.headers()['content-security-policy']).toContain("script-src 'self'")
      await page.locator('.swagger-ui .info .title').waitFor({ timeout: 30_000 })
      expect(await page.locator('.swagger-ui .info .title').innerText()).toContain('payload-newsroom REST API')
      // The operations of the document are listed (comments submit among them).
      await page.locator('.opblock-summary-path', { hasText: '/api/comments/{id}/report' }).first().waitFor({ timeout: 30_000 })
      expect(violations).toEqual([])
    } finally {
      await browser.close()
    }
  })
})
