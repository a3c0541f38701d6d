import { FLOOD_WINDOW_MS } from '../../src/comments/flood'
import type { TestApp } from '../helpers/app'

let ipCounter = 0
/** A fresh client address per call, so flood limits of one test do not leak into the next. */
export const freshIp = () => {
  ipCounter++
  return `198.51.${Math.floor(ipCounter / 250) % 250}.${(ipCounter % 250) + 1}`
}

/** Waits for the next flood window when the current one ends within 5 seconds, so a test's posts share one. */
export const withinOneFloodWindow = async () => {
  const msLeft = FLOOD_WINDOW_MS - (Date.now() % FLOOD_WINDOW_MS)
  if (msLeft < 5_000) await new Promise((resolve) => setTimeout(resolve, msLeft + 100))
}

/** A published article that takes comments. */
export const publishArticle = async (app: TestApp, data: Record<string, unknown> = {}) => {
  const article = await app.payload.create({
    collection: 'articles',
    data: { title: `Story ${Math.random().toString(36).slice(2, 8)}`, origin: 'original', _status: 'published', ...data } as never,
    overrideAccess: true,
  })
  return article as unknown as { id: number | string } & Record<string, any>
}

export const readArticle = async (app: TestApp, id: number | string) =>
  (await app.payload.findByID({ collection: 'articles', id, depth: 0, overrideAccess: true })) as unknown as Record<string, any>

/** Replaces the moderation settings (unlisted fields fall back to their defaults). */
export const setSettings = async (app: TestApp, data: Record<string, unknown>) => {
  const defaults = {
    mode: 'post',
    bannedTerms: [],
    suspectTerms: [],
    spamTerms: [],
    allowTerms: [],
    maxLinks: 1,
    reportThreshold: 3,
    holdNewCommenters: false,
    floodLimitPerMinute: 5,
    requireEmail: false,
    closeAfterDays: null,
    blockedAuthors: [],
    honeypot: true,
    minSecondsToSubmit: 0,
  }
  await app.payload.updateGlobal({ slug: 'moderation-settings', data: { ...defaults, ...data } as never, overrideAccess: true })
}

export interface PostOptions {
  ip?: string
  token?: string
  headers?: Record<string, string>
}

/** A reader's `POST /api/comments`. */
export const postComment = (app: TestApp, body: Record<string, unknown>, options: PostOptions = {}) =>
  app.rest('POST', '/api/comments', {
    body,
    token: options.token,
    headers: { 'x-forwarded-for': options.ip ?? freshIp(), 'user-agent': 'vitest', ...options.headers },
  })

export const fieldPaths = (response: { body: any }) =>
  (response.body?.errors ?? []).flatMap((error: any) => (error.data?.errors ?? []).map((item: any) => item.path))

export const errorCode = (response: { body: any }) => response.body?.errors?.[0]?.data?.code
