import { connection } from 'next/server'

import { siteUrl } from '../../../site/config'

/** `/robots.txt`: everything but the admin, the API and search results; the sitemaps named. */
export async function GET() {
  // Read SITE_URL when asked, not at build time.
  await connection()
  const base = siteUrl()
  const body = ['User-agent: *', 'Allow: /', 'Disallow: /admin', 'Disallow: /api/', 'Disallow: /search', '', `Sitemap: ${base}/sitemap.xml`, `Sitemap: ${base}/news-sitemap.xml`, ''].join('\n')
  return new Response(body, { headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'public, max-age=3600' } })
}
