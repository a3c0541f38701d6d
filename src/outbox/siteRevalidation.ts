import { REVALIDATE_HEADER, revalidateSecret } from '../site/revalidateSecret'
import type { ContentEvent } from './events'

const TIMEOUT_MS = 5000

/**
 * The first consumer: tells the reader site (this server's `POST /revalidate`, or a separate deployment's) which
 * cache tags the event touched. A failure throws, so the job is retried.
 */
export const revalidateSite = async (url: string, event: ContentEvent, env: NodeJS.ProcessEnv = process.env): Promise<void> => {
  if (event.data.tags.length === 0) return
  const secret = revalidateSecret(env)
  if (!secret) throw new Error('site revalidation: neither SITE_REVALIDATE_SECRET nor PAYLOAD_SECRET is set')
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', [REVALIDATE_HEADER]: secret },
    body: JSON.stringify({ type: event.type, tags: event.data.tags, paths: event.data.paths }),
    signal: AbortSignal.timeout(TIMEOUT_MS),
  })
  if (!response.ok) throw new Error(`site revalidation: ${url} answered ${response.status}`)
}
