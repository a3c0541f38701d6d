import { parseHttpUrl } from './domains'
import { toDate } from './dates'
import { isLicense, LICENSE_INFO, licenseUrlFor, type LicenseId } from './licenses'
import { DEFAULT_CREDIT_TEMPLATE, renderCreditLine } from './template'
import type { ArticleAttribution, ArticleLike, RobotsValue, SeoPolicy, SiteInfo, SourceLike } from './types'

/** Allowed values of `Source.seoPolicy`. */
export const SEO_POLICIES = ['canonical-self', 'canonical-original', 'noindex-news'] as const satisfies readonly SeoPolicy[]
/** Allowed values of `Article.origin`. */
export const ARTICLE_ORIGINS = ['original', 'republished', 'translated'] as const
/** Policy assumed when a Source has none (or an unknown one). */
export const DEFAULT_SEO_POLICY: SeoPolicy = 'canonical-self'

/** Is the article a republished or translated story (i.e. does it need a Source)? */
export function isSyndicated(article: Pick<ArticleLike, 'origin'>): boolean {
  return article.origin === 'republished' || article.origin === 'translated'
}

/** Normalises an unknown/missing `seoPolicy` to {@link DEFAULT_SEO_POLICY}. */
export function seoPolicyOf(source: Pick<SourceLike, 'seoPolicy'> | null | undefined): SeoPolicy {
  const p = source?.seoPolicy
  return (SEO_POLICIES as readonly string[]).includes(p ?? '') ? (p as SeoPolicy) : DEFAULT_SEO_POLICY
}

/** `https://site` without trailing slashes. */
export function siteOrigin(site: Pick<SiteInfo, 'baseUrl'>): string {
  return site.baseUrl.trim().replace(/\/+$/, '')
}

/** Public URL of an article on this site: `${baseUrl}/articles/${slug}` (slug percent-encoded). */
export function articleUrl(article: Pick<ArticleLike, 'slug' | 'id'>, site: Pick<SiteInfo, 'baseUrl' | 'articlesPath'>): string {
  const path = `/${(site.articlesPath ?? '/articles').replace(/^\/+|\/+$/g, '')}`
  const slug = article.slug?.trim() || (article.id !== undefined ? String(article.id) : '')
  return `${siteOrigin(site)}${path === '/' ? '' : path}/${encodeURIComponent(slug)}`
}

/** Make a site-relative URL (`/media/x.jpg`) absolute; absolute URLs pass through. */
export function absoluteUrl(url: string | null | undefined, site: Pick<SiteInfo, 'baseUrl'>): string | null {
  const u = url?.trim()
  if (!u) return null
  try {
    return new URL(u, `${siteOrigin(site)}/`).toString()
  } catch {
    return null
  }
}

/** `© 2024 Holder` (year omitted when no date is known); null without a holder. */
export function copyrightNotice(holder: string | null | undefined, date: Date | null): string | null {
  const h = holder?.replace(/\s+/g, ' ').trim()
  if (!h) return null
  return date ? `© ${date.getUTCFullYear()} ${h}` : `© ${h}`
}

/** Canonical URL and robots directive for an article under a policy. */
export function seoFor(
  article: Pick<ArticleLike, 'origin' | 'originalUrl' | 'slug' | 'id'>,
  policy: SeoPolicy,
  site: Pick<SiteInfo, 'baseUrl' | 'articlesPath'>,
): { canonicalUrl: string; robots: RobotsValue } {
  const self = articleUrl(article, site)
  if (!isSyndicated(article)) return { canonicalUrl: self, robots: 'index, follow' }
  switch (policy) {
    case 'noindex-news':
      return { canonicalUrl: self, robots: 'noindex, follow' }
    case 'canonical-original': {
      // A translation is not a duplicate: Google wants canonicals within one language
      // (use hreflang for translations), so translated copies keep a self canonical.
      const orig = parseHttpUrl(article.originalUrl)
      if (article.origin === 'republished' && orig.ok) return { canonicalUrl: orig.url.toString(), robots: 'index, follow' }
      return { canonicalUrl: self, robots: 'index, follow' }
    }
    default:
      return { canonicalUrl: self, robots: 'index, follow' }
  }
}

/**
 * Compute the read-only `attribution` group of an Article.
 *
 * - `original`: the site's own credit (`site.originalCreditTemplate`, default `{source}` = site name),
 *   `© {year of publishedAt} {site.copyrightHolder ?? site.name}`, site licence (default
 *   all-rights-reserved), self canonical, `index, follow`; `originalUrl` null.
 * - `republished` / `translated`: credit from the Source's template with `{source}` = Source name,
 *   `{author}` = `originalAuthor`, `{url}` = `originalUrl`; `sourceUrl` = Source homepage;
 *   licence from the Source; `© {year of originalPublishedAt} {copyrightHolder ?? source name}`
 *   (no notice for public-domain); canonical/robots from `seoPolicy`:
 *   `canonical-self` → self + `index, follow`; `canonical-original` → originalUrl + `index, follow`
 *   (translations keep a self canonical); `noindex-news` → self + `noindex, follow`.
 *   Without a Source: empty credit, null source fields, self canonical, `noindex, follow`.
 * - `stampedAt` = `now.toISOString()`.
 */
export function computeArticleAttribution(
  article: ArticleLike,
  source: SourceLike | null | undefined,
  site: SiteInfo,
  now: Date,
): ArticleAttribution {
  const stampedAt = now.toISOString()
  if (!isSyndicated(article)) {
    const license: LicenseId = site.license && isLicense(site.license) ? site.license : 'all-rights-reserved'
    const seo = seoFor(article, 'canonical-self', site)
    return {
      creditLine: renderCreditLine(site.originalCreditTemplate?.trim() || '{source}', {
        source: site.name,
        author: article.authors,
        url: seo.canonicalUrl,
      }),
      sourceName: site.name,
      sourceUrl: `${siteOrigin(site)}/`,
      originalUrl: null,
      license,
      licenseUrl: licenseUrlFor(license, site.licenseUrl),
      copyrightNotice: copyrightNotice(site.copyrightHolder || site.name, toDate(article.publishedAt) ?? now),
      ...seo,
      stampedAt,
    }
  }

  const original = parseHttpUrl(article.originalUrl)
  const originalUrl = original.ok ? original.url.toString() : null
  if (!source) {
    return {
      creditLine: '',
      sourceName: null,
      sourceUrl: null,
      originalUrl,
      license: null,
      licenseUrl: null,
      copyrightNotice: null,
      ...seoFor(article, 'noindex-news', site),
      stampedAt,
    }
  }
  const name = source.name?.trim() || null
  const license = isLicense(source.license) ? source.license : null
  const homepage = parseHttpUrl(source.homepage)
  const year = toDate(article.originalPublishedAt) ?? toDate(article.publishedAt)
  return {
    creditLine: renderCreditLine(source.creditTemplate?.trim() || DEFAULT_CREDIT_TEMPLATE, {
      source: name,
      author: article.originalAuthor,
      url: originalUrl,
    }),
    sourceName: name,
    sourceUrl: homepage.ok ? homepage.url.toString() : null,
    originalUrl,
    license,
    licenseUrl: licenseUrlFor(license, source.licenseUrl),
    copyrightNotice: license === 'public-domain' ? null : copyrightNotice(source.copyrightHolder || name, year),
    ...seoFor(article, seoPolicyOf(source), site),
    stampedAt,
  }
}

/** Human label of a licence, or null. */
export function licenseLabel(license: string | null | undefined, locale: 'en' | 'zh' = 'zh'): string | null {
  return isLicense(license) ? LICENSE_INFO[license].label[locale] : null
}
