import type { ServerResponse } from 'node:http'

/** What a page of the reader site's full-route cache tells browsers and CDNs: keep it, but ask again every time. */
export const SITE_PAGE_CACHE_CONTROL = 'public, max-age=0, must-revalidate'

/**
 * Next marks a page served from its full-route cache `Cache-Control: s-maxage=31536000` (a CDN would keep it a
 * year, deaf to our tag revalidation). The pages are revalidated here, on the server, within a second of a change,
 * so a browser or CDN may store a page but must revalidate it on every use (Next sends an ETag and answers 304).
 */
export const revalidatedSitePages = (res: ServerResponse): void => {
  const setHeader = res.setHeader.bind(res)
  res.setHeader = (name: string, value: number | string | readonly string[]) => {
    if (name.toLowerCase() === 'cache-control' && /\bs-maxage=/.test(String(value))) return setHeader(name, SITE_PAGE_CACHE_CONTROL)
    return setHeader(name, value)
  }
}
