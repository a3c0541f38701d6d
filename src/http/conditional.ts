/**
 * HTTP caching for the public read endpoints a site or a CDN hits (thread, counts, JSON-LD): an `ETag`,
 * `Cache-Control` with a short `max-age` and `stale-while-revalidate`, and `304 Not Modified` when the caller
 * already holds the current version. Logged-in callers may see more than the public, so their answers are private.
 */
import crypto from 'node:crypto'

export interface CachePolicy {
  /** seconds a shared cache may serve the answer without asking again */
  maxAge: number
  /** seconds a cache may serve a stale answer while it fetches the new one in the background */
  staleWhileRevalidate: number
}

/** A public read that may be a few seconds old: comment threads and counts. */
export const SHORT_PUBLIC_CACHE: CachePolicy = { maxAge: 10, staleWhileRevalidate: 60 }

/** A weak entity tag of a value's parts (what makes the answer what it is), stable across processes. */
export const entityTag = (...parts: unknown[]): string =>
  `W/"${crypto.createHash('sha256').update(JSON.stringify(parts)).digest('base64url').slice(0, 27)}"`

/** True when `If-None-Match` names this tag (or `*`): the caller's copy is current. */
export const isNotModified = (headers: { get(name: string): string | null } | undefined, tag: string): boolean => {
  const header = headers?.get('if-none-match')
  if (!header) return false
  const bare = (value: string) => value.trim().replace(/^W\//, '')
  return header.split(',').some((candidate) => candidate.trim() === '*' || bare(candidate) === bare(tag))
}

/** The caching headers of an answer for this caller. */
export const cacheHeaders = (tag: string, policy: CachePolicy, privateAnswer: boolean): Record<string, string> => ({
  ETag: tag,
  'Cache-Control': privateAnswer
    ? 'private, no-cache'
    : `public, max-age=${policy.maxAge}, stale-while-revalidate=${policy.staleWhileRevalidate}`,
  Vary: 'Authorization, Cookie, Accept-Language',
})

/**
 * The answer to a conditional read: 304 with the caching headers when `If-None-Match` names `tag`, else the body
 * that `render` builds (called only then), as JSON or the given content type.
 */
export const conditionalResponse = async (
  req: { headers?: { get(name: string): string | null }; user?: unknown },
  tag: string,
  policy: CachePolicy,
  render: () => unknown | Promise<unknown>,
  contentType = 'application/json; charset=utf-8',
): Promise<Response> => {
  const headers = cacheHeaders(tag, policy, Boolean(req.user))
  if (isNotModified(req.headers, tag)) return new Response(null, { status: 304, headers })
  const body = JSON.stringify(await render())
  return new Response(body, { status: 200, headers: { ...headers, 'Content-Type': contentType } })
}
