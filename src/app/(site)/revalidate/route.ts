import { revalidateTag } from 'next/cache'

import { REVALIDATE_HEADER, revalidateSecret, secretMatches } from '../../../site/revalidateSecret'

const MAX_TAGS = 200

/**
 * `POST /revalidate` {tags: string[]}: the CMS's outbox tells the site which cache tags a committed change touched.
 * Expired at once (not stale-while-revalidate), so the next reader request reads the CMS again.
 */
export async function POST(request: Request) {
  if (!secretMatches(request.headers.get(REVALIDATE_HEADER), revalidateSecret())) {
    return Response.json({ errors: [{ message: 'Not allowed.' }] }, { status: 403 })
  }
  const body = (await request.json().catch(() => null)) as { tags?: unknown } | null
  const tags = Array.isArray(body?.tags) ? body.tags.filter((tag): tag is string => typeof tag === 'string' && tag.length > 0 && tag.length <= 256) : null
  if (!tags || tags.length > MAX_TAGS) {
    return Response.json({ errors: [{ message: `tags must be a list of at most ${MAX_TAGS} strings.` }] }, { status: 400 })
  }
  for (const tag of tags) revalidateTag(tag, { expire: 0 })
  return Response.json({ revalidated: tags })
}
