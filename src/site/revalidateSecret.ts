import crypto from 'node:crypto'

/** Header carrying the shared secret of `POST /revalidate`. */
export const REVALIDATE_HEADER = 'x-newsroom-revalidate'

/**
 * The secret the CMS presents to the site's `POST /revalidate`: `SITE_REVALIDATE_SECRET` when set (a site
 * deployed apart from the CMS), otherwise derived from `PAYLOAD_SECRET` (the site inside the CMS's own server).
 * Undefined when neither is set: the endpoint then refuses every call.
 */
export const revalidateSecret = (env: NodeJS.ProcessEnv = process.env): string | undefined => {
  if (env.SITE_REVALIDATE_SECRET) return env.SITE_REVALIDATE_SECRET
  if (!env.PAYLOAD_SECRET) return undefined
  return crypto.createHmac('sha256', env.PAYLOAD_SECRET).update('newsroom-site-revalidate').digest('hex')
}

/** Constant-time comparison of a presented secret with the expected one. */
export const secretMatches = (presented: string | null | undefined, expected: string | undefined): boolean => {
  if (!presented || !expected) return false
  const a = Buffer.from(presented)
  const b = Buffer.from(expected)
  return a.length === b.length && crypto.timingSafeEqual(a, b)
}
