/**
 * The reader site's shared Next cache (issue 20): with `REDIS_URL` set, the production server keeps Next's
 * incremental cache (the rendered pages of the full-route cache and the tagged fetches of src/site/api.ts) in
 * Redis, through @fortedigital/nextjs-cache-handler's redis-strings handler, under the site's Redis namespace
 * (`<REDIS_PREFIX>next:`). A `revalidateTag` on any instance deletes the tagged entries there, so every instance
 * renders the new page on its next request. next.config.mjs selects this file only when `REDIS_URL` is set and the
 * server runs in production; otherwise Next keeps its default cache (files + memory).
 *
 * Plain JavaScript: Next loads it by path at run time, outside the bundles. src/server.ts computes the namespace
 * (REDIS_PREFIX, or one derived from the database) and hands it over in NEWSROOM_NEXT_CACHE_PREFIX.
 */
import { CacheHandler } from '@fortedigital/nextjs-cache-handler'
import { ioredisAdapter } from '@fortedigital/nextjs-cache-handler/helpers/ioredisAdapter'
import createRedisHandler from '@fortedigital/nextjs-cache-handler/redis-strings'
import { Redis } from 'ioredis'

/** A cached page or fetch lives at most this long in Redis (then the next reader re-renders it): 1 day. */
const MAX_AGE_SECONDS = Math.floor(Number(process.env.SITE_CACHE_MAX_AGE_SECONDS || 86_400)) || 86_400

CacheHandler.onCreation(() => {
  // One connection per process, however many times Next creates the handler.
  globalThis.__newsroomNextCache ??= (async () => {
    const prefix = process.env.NEWSROOM_NEXT_CACHE_PREFIX || 'newsroom:next:'
    const client = new Redis(process.env.REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 2, enableOfflineQueue: true })
    client.on('error', (error) => console.error(`payload-newsroom: the site cache's Redis: ${error.message}`))
    await client.connect()
    return {
      handlers: [
        createRedisHandler({
          client: ioredisAdapter(client),
          keyPrefix: prefix,
          sharedTagsKey: '__sharedTags__',
          sharedTagsTtlKey: '__sharedTagsTtl__',
          timeoutMs: 2000,
        }),
      ],
      ttl: {
        defaultStaleAge: MAX_AGE_SECONDS,
        estimateExpireAge: (staleAge) => Math.min(staleAge, MAX_AGE_SECONDS),
      },
    }
  })()
  return globalThis.__newsroomNextCache
})

export default CacheHandler
