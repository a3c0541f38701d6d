import { absoluteUrl, computeArticleAttribution, isSyndicated, siteOrigin } from './attribution'
import { toDate, toIso } from './dates'
import { parseHttpUrl } from './domains'
import { lexicalToPlainText, type NumberedImage } from './lexical'
import { computeMediaCredit } from './media'
import type { ArticleAttribution, ArticleLike, MediaLike, SiteInfo, SourceLike } from './types'

/** schema.org Person / Organization reference. */
export interface JsonLdAgent {
  '@type': 'Person' | 'Organization'
  name: string
  url?: string
  logo?: { '@type': 'ImageObject'; url: string }
}

/** schema.org ImageObject as emitted here. */
export interface JsonLdImageObject {
  '@type': 'ImageObject'
  contentUrl?: string
  url?: string
  width?: number
  height?: number
  caption?: string
  creator?: JsonLdAgent
  creditText?: string
  license?: string
  copyrightNotice?: string
}

/** The original work a republished/translated article is based on. */
export interface JsonLdBasedOn {
  '@type': 'NewsArticle'
  url?: string
  headline?: string
  datePublished?: string
  author?: JsonLdAgent[]
  publisher?: JsonLdAgent
}

/** schema.org NewsArticle (keys with no value are omitted). */
export interface NewsArticleJsonLd {
  '@context': 'https://schema.org'
  '@type': 'NewsArticle'
  headline: string
  url: string
  mainEntityOfPage: { '@type': 'WebPage'; '@id': string }
  datePublished?: string
  dateModified?: string
  inLanguage?: string
  author: JsonLdAgent[]
  translator?: JsonLdAgent[]
  publisher: JsonLdAgent
  isBasedOn?: JsonLdBasedOn
  translationOfWork?: JsonLdBasedOn
  sourceOrganization?: JsonLdAgent
  creditText?: string
  copyrightNotice?: string
  copyrightHolder?: JsonLdAgent
  copyrightYear?: number
  license?: string
  image?: JsonLdImageObject[]
}

/** An image for the JSON-LD: a Media doc (with `source` populated) or an entry of {@link numberImages}. */
export type JsonLdImageInput = MediaLike | NumberedImage

/** Options for {@link buildNewsArticleJsonLd}. */
export interface NewsArticleJsonLdOptions {
  /** Use `article.attribution` when it has been stamped (default true); else recompute. */
  useStamped?: boolean
}

const BYLINE_PREFIX_RE = /^(?:by|written by|作者|记者|本报记者|文|撰文|译者|翻译|编译)\s*[:：]?\s*/i
const BYLINE_SPLIT_RE = /\s*(?:[、,，;；/&＆|]|\s+and\s+)\s*/i

/**
 * People in a byline: `张三、李四` → [张三, 李四]; `By Jane Doe and John Roe` → [Jane Doe, John Roe].
 * Splits on 、 , ， ; ； / & | and the word "and"; strips a leading "By"/"记者"/"作者"…
 */
export function parseByline(byline: string | null | undefined): string[] {
  const text = (byline ?? '').replace(/\s+/g, ' ').trim().replace(BYLINE_PREFIX_RE, '')
  if (!text) return []
  return text
    .split(BYLINE_SPLIT_RE)
    .map((s) => s.replace(BYLINE_PREFIX_RE, '').trim())
    .filter(Boolean)
}

const person = (name: string): JsonLdAgent => ({ '@type': 'Person', name })

function org(name: string | null | undefined, url?: string | null): JsonLdAgent | undefined {
  const n = name?.trim()
  if (!n) return undefined
  const u = parseHttpUrl(url)
  return u.ok ? { '@type': 'Organization', name: n, url: u.url.toString() } : { '@type': 'Organization', name: n }
}

function compact<T extends object>(obj: T): T {
  for (const k of Object.keys(obj) as (keyof T)[]) {
    const v = obj[k]
    if (v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0)) delete obj[k]
  }
  return obj
}

function imageObject(input: JsonLdImageInput, site: SiteInfo): JsonLdImageObject | null {
  const numbered = 'number' in input && 'label' in input ? (input as NumberedImage) : null
  const media: MediaLike = numbered ? ((numbered.media ?? {}) as MediaLike) : (input as MediaLike)
  const source = media.source && typeof media.source === 'object' ? (media.source as SourceLike) : null
  const url = absoluteUrl(media.url, site)
  if (!url) return null
  const credit = computeMediaCredit(media, source)
  const creator = media.creator?.trim() ? person(media.creator.trim()) : org(source?.name, source?.homepage)
  const caption = (numbered?.caption || lexicalToPlainText(media.caption) || media.alt || '').trim()
  return compact<JsonLdImageObject>({
    '@type': 'ImageObject',
    contentUrl: url,
    url,
    width: typeof media.width === 'number' ? media.width : undefined,
    height: typeof media.height === 'number' ? media.height : undefined,
    caption: caption || undefined,
    creator,
    creditText: media.creditLine?.trim() || credit.creditLine || undefined,
    license: credit.licenseUrl ?? undefined,
    copyrightNotice: credit.copyrightNotice ?? undefined,
  })
}

/**
 * schema.org `NewsArticle` for an article page.
 *
 * `url`/`mainEntityOfPage` = the attribution canonical (so it follows the Source's `seoPolicy`;
 * the robots directive belongs in a `<meta name="robots">`, not here). `author` = Persons from the
 * byline (`authors`, else `originalAuthor`), else the Source (syndicated) or the site (original)
 * as Organization; `translator` from `translator`. Republished/translated items get `isBasedOn`
 * (original URL, title, date, author, publisher) and `sourceOrganization`; translated items also
 * `translationOfWork`. `creditText`, `copyrightNotice`, `license` (URL) come from the attribution;
 * each image becomes an ImageObject with creator, creditText, licence and copyright.
 * Images without a URL are skipped. Serialize with {@link serializeJsonLd}.
 */
export function buildNewsArticleJsonLd(
  article: ArticleLike,
  source: SourceLike | null | undefined,
  images: readonly JsonLdImageInput[],
  site: SiteInfo,
  options: NewsArticleJsonLdOptions = {},
): NewsArticleJsonLd {
  const stamped = article.attribution
  const fallbackNow = toDate(article.updatedAt) ?? toDate(article.publishedAt) ?? new Date(0)
  const attribution: ArticleAttribution =
    options.useStamped !== false && stamped?.stampedAt && stamped.canonicalUrl
      ? (stamped as ArticleAttribution)
      : computeArticleAttribution(article, source, site, fallbackNow)
  const syndicated = isSyndicated(article)
  const logo = absoluteUrl(site.logoUrl, site)
  const publisher: JsonLdAgent = { '@type': 'Organization', name: site.name, url: `${siteOrigin(site)}/` }
  if (logo) publisher.logo = { '@type': 'ImageObject', url: logo }

  const sourceOrg = syndicated ? org(source?.name, source?.homepage) : undefined
  const bylineNames = parseByline(article.authors)
  const names = bylineNames.length ? bylineNames : syndicated ? parseByline(article.originalAuthor) : []
  const author: JsonLdAgent[] = names.length ? names.map(person) : [sourceOrg ?? { '@type': 'Organization', name: site.name, url: `${siteOrigin(site)}/` }]

  let basedOn: JsonLdBasedOn | undefined
  if (syndicated) {
    const orig = parseHttpUrl(article.originalUrl)
    basedOn = compact<JsonLdBasedOn>({
      '@type': 'NewsArticle',
      url: orig.ok ? orig.url.toString() : undefined,
      headline: article.originalTitle?.trim() || undefined,
      datePublished: toIso(article.originalPublishedAt) ?? undefined,
      author: parseByline(article.originalAuthor).map(person),
      publisher: sourceOrg,
    })
  }

  const holderName = syndicated ? source?.copyrightHolder?.trim() || source?.name?.trim() : site.copyrightHolder?.trim() || site.name
  const yearDate = syndicated ? toDate(article.originalPublishedAt) : toDate(article.publishedAt)

  return compact<NewsArticleJsonLd>({
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: (article.title ?? '').trim(),
    url: attribution.canonicalUrl,
    mainEntityOfPage: { '@type': 'WebPage', '@id': attribution.canonicalUrl },
    datePublished: toIso(article.publishedAt) ?? undefined,
    dateModified: toIso(article.updatedAt) ?? toIso(article.publishedAt) ?? undefined,
    inLanguage: site.language?.trim() || undefined,
    author,
    translator: article.origin === 'translated' ? parseByline(article.translator).map(person) : undefined,
    publisher,
    isBasedOn: basedOn,
    translationOfWork: article.origin === 'translated' ? basedOn : undefined,
    sourceOrganization: sourceOrg,
    creditText: attribution.creditLine || undefined,
    copyrightNotice: attribution.copyrightNotice ?? undefined,
    copyrightHolder: holderName && attribution.license !== 'public-domain' ? { '@type': 'Organization', name: holderName } : undefined,
    copyrightYear: yearDate && attribution.license !== 'public-domain' ? yearDate.getUTCFullYear() : undefined,
    license: attribution.licenseUrl ?? undefined,
    image: images.map((i) => imageObject(i, site)).filter((i): i is JsonLdImageObject => i !== null),
  })
}

/**
 * JSON for a `<script type="application/ld+json">` element: `<`, `>`, `&`, U+2028/9 are
 * escaped so a headline like `</script>` cannot break out of the script element.
 */
export function serializeJsonLd(data: unknown): string {
  return JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029')
}
