import { withPayload } from '@payloadcms/next/withPayload'

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Our own Express host (src/server.ts) sets security headers; Next should not advertise itself.
  poweredByHeader: false,
  images: { unoptimized: true },
  // Node packages that read files at run time: load them from node_modules instead of bundling them.
  serverExternalPackages: ['exifr', 'opencc-js', 'pinyin-pro', 'unhomoglyph'],
}

export default withPayload(nextConfig, { devBundleServerPackages: false })
