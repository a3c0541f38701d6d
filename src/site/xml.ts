/** XML for sitemaps, the Google News sitemap and RSS: escaped text, one function per document. */

export const escapeXml = (value: unknown): string =>
  String(value ?? '')
    // characters XML 1.0 does not allow at all
    .replace(/[^\u0009\u000A\u000D\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')

const isoDate = (value: string | null | undefined): string | null => {
  if (!value) return null
  const date = new Date(value)
  return Number.isNaN(date.getTime()) ? null : date.toISOString()
}

const HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n'

export const sitemapIndex = (entries: { loc: string; lastmod?: string | null }[]) =>
  `${HEAD}<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${entries
    .map((entry) => {
      const lastmod = isoDate(entry.lastmod)
      return `  <sitemap><loc>${escapeXml(entry.loc)}</loc>${lastmod ? `<lastmod>${lastmod}</lastmod>` : ''}</sitemap>`
    })
    .join('\n')}\n</sitemapindex>\n`

export const urlSet = (entries: { loc: string; lastmod?: string | null }[]) =>
  `${HEAD}<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${entries
    .map((entry) => {
      const lastmod = isoDate(entry.lastmod)
      return `  <url><loc>${escapeXml(entry.loc)}</loc>${lastmod ? `<lastmod>${lastmod}</lastmod>` : ''}</url>`
    })
    .join('\n')}\n</urlset>\n`

export const newsSitemap = (publication: { name: string; language: string }, entries: { loc: string; title: string; publishedAt: string }[]) =>
  `${HEAD}<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">\n${entries
    .map(
      (entry) =>
        `  <url><loc>${escapeXml(entry.loc)}</loc><news:news><news:publication><news:name>${escapeXml(publication.name)}</news:name><news:language>${escapeXml(
          publication.language,
        )}</news:language></news:publication><news:publication_date>${isoDate(entry.publishedAt)}</news:publication_date><news:title>${escapeXml(entry.title)}</news:title></news:news></url>`,
    )
    .join('\n')}\n</urlset>\n`

export interface FeedItem {
  title: string
  link: string
  guid: string
  description: string
  pubDate: string | null | undefined
  enclosure?: { url: string; length: number; type: string } | null
}

export const rssFeed = (channel: { title: string; link: string; description: string; language: string; self: string }, items: FeedItem[]) =>
  `${HEAD}<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">\n<channel>\n  <title>${escapeXml(channel.title)}</title>\n  <link>${escapeXml(
    channel.link,
  )}</link>\n  <description>${escapeXml(channel.description)}</description>\n  <language>${escapeXml(channel.language)}</language>\n  <atom:link href="${escapeXml(
    channel.self,
  )}" rel="self" type="application/rss+xml"/>\n${items
    .map((item) => {
      const date = item.pubDate ? new Date(item.pubDate) : null
      return `  <item>\n    <title>${escapeXml(item.title)}</title>\n    <link>${escapeXml(item.link)}</link>\n    <guid isPermaLink="false">${escapeXml(item.guid)}</guid>\n    <description>${escapeXml(
        item.description,
      )}</description>\n${date && !Number.isNaN(date.getTime()) ? `    <pubDate>${date.toUTCString()}</pubDate>\n` : ''}${
        item.enclosure ? `    <enclosure url="${escapeXml(item.enclosure.url)}" length="${item.enclosure.length}" type="${escapeXml(item.enclosure.type)}"/>\n` : ''
      }  </item>`
    })
    .join('\n')}\n</channel>\n</rss>\n`

export const xmlResponse = (body: string, contentType = 'application/xml') =>
  new Response(body, { headers: { 'Content-Type': `${contentType}; charset=utf-8`, 'Cache-Control': 'public, max-age=60' } })
