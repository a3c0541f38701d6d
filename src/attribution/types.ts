/**
 * Plain TypeScript shapes used by the attribution module.
 *
 * These mirror the Payload collection fields (names are an API contract) but are
 * deliberately loose: every field is optional/nullable so the functions can be
 * fed raw `data`/`originalDoc` objects from hooks without casting.
 * Nothing here imports from Payload.
 */

/** Every licence a Source can declare (stored value of `Source.license`). */
export const LICENSES = [
  'all-rights-reserved',
  'permission',
  'wire',
  'cc-by',
  'cc-by-sa',
  'cc-by-nd',
  'cc-by-nc',
  'cc-by-nc-nd',
  'public-domain',
] as const

/** A licence identifier. */
export type LicenseId = (typeof LICENSES)[number]

/** A date as stored by Payload (ISO string) or a JS Date. */
export type DateInput = string | Date | null | undefined

/** The four rights a Source can grant. */
export interface Permissions {
  /** May we republish the story (verbatim or lightly edited)? */
  republish: boolean
  /** May we edit / shorten / rewrite it beyond light house-style edits? */
  modify: boolean
  /** May we publish a translation of it? */
  translate: boolean
  /** May we reuse the source's images (photos, graphics)? */
  images: boolean
}

/** How search engines should treat our copy of a source's story. */
export type SeoPolicy = 'canonical-self' | 'canonical-original' | 'noindex-news'

/** Where an article comes from. */
export type ArticleOrigin = 'original' | 'republished' | 'translated'

/** A Source document (outlet we republish from). */
export interface SourceLike {
  id?: string | number
  name?: string | null
  slug?: string | null
  homepage?: string | null
  /** Hostnames; a URL matches when its host equals one of these or is a subdomain of one. */
  domains?: ReadonlyArray<string | { domain?: string | null; hostname?: string | null }> | null
  /** Default `来源: {source}`; placeholders `{source}`, `{author}`, `{url}`. */
  creditTemplate?: string | null
  license?: LicenseId | string | null
  licenseUrl?: string | null
  /** Explicit rights. Missing keys fall back to {@link defaultPermissions} of the licence. */
  permissions?: Partial<Record<keyof Permissions, boolean | null>> | null
  /** Contract, e-mail, URL … proving the rights. Required for `permission` and `wire`. */
  permissionEvidence?: unknown
  copyrightHolder?: string | null
  rightsWindowDays?: number | null
  seoPolicy?: SeoPolicy | string | null
  active?: boolean | null
}

/** The read-only `attribution` group stamped onto an Article. */
export interface ArticleAttribution {
  creditLine: string
  sourceName: string | null
  sourceUrl: string | null
  originalUrl: string | null
  license: LicenseId | null
  licenseUrl: string | null
  copyrightNotice: string | null
  canonicalUrl: string
  robots: RobotsValue
  /** ISO timestamp of when this group was computed. */
  stampedAt: string
}

export type RobotsValue = 'index, follow' | 'noindex, follow'

/** An Article document. `source` may be an id (unpopulated) or the Source itself. */
export interface ArticleLike {
  id?: string | number
  title?: string | null
  slug?: string | null
  origin?: ArticleOrigin | string | null
  source?: string | number | SourceLike | null
  originalUrl?: string | null
  originalTitle?: string | null
  originalPublishedAt?: DateInput
  originalAuthor?: string | null
  translator?: string | null
  /** Byline text, e.g. `张三、李四` or `Jane Doe and John Roe`. */
  authors?: string | null
  publishedAt?: DateInput
  updatedAt?: DateInput
  embargoedUntil?: DateInput
  _status?: 'draft' | 'published' | null
  /** Lexical editor state (`{ root: … }`). */
  content?: unknown
  heroImage?: unknown
  attribution?: Partial<ArticleAttribution> | null
}

/** A Media (upload) document. */
export interface MediaLike {
  id?: string | number
  alt?: string | null
  caption?: unknown
  creator?: string | null
  source?: string | number | SourceLike | null
  creditLine?: string | null
  license?: LicenseId | string | null
  copyrightNotice?: string | null
  url?: string | null
  filename?: string | null
  mimeType?: string | null
  width?: number | null
  height?: number | null
}

/** Site-wide settings needed to compute URLs and the site's own credit. */
export interface SiteInfo {
  /** Public origin, e.g. `https://news.example.org` (trailing slash tolerated). */
  baseUrl: string
  /** Publisher name, e.g. `澳华新闻`. */
  name: string
  /** Absolute or site-relative URL of the publisher logo (JSON-LD). */
  logoUrl?: string | null
  /** Path prefix of article pages. Default `/articles`. */
  articlesPath?: string
  /** Copyright holder for original articles. Default: `name`. */
  copyrightHolder?: string | null
  /** Licence of original articles. Default `all-rights-reserved`. */
  license?: LicenseId | null
  licenseUrl?: string | null
  /** Credit template for original articles. Default `{source}` (i.e. the site name). */
  originalCreditTemplate?: string | null
  /** BCP 47 language of the site, e.g. `zh-CN` (JSON-LD `inLanguage`). */
  language?: string | null
}

/** One reason an action is blocked. `code` is stable (translate it in the admin); `message` is English. */
export interface Failure {
  /** Field the editor should look at (Article field name, or e.g. `source.permissions.republish`). */
  field: string
  code: FailureCode
  message: string
}

export type FailureCode =
  | 'field-type-invalid'
  | 'source-missing'
  | 'source-inactive'
  | 'source-domains-empty'
  | 'permission-evidence-missing'
  | 'original-url-missing'
  | 'original-url-invalid'
  | 'original-url-protocol'
  | 'original-url-credentials'
  | 'original-url-domain-mismatch'
  | 'original-published-at-missing'
  | 'original-published-at-invalid'
  | 'republish-not-permitted'
  | 'translate-not-permitted'
  | 'embargo-active'
  | 'embargo-invalid'
  | 'image-not-permitted'
  | 'source-name-missing'
  | 'source-license-invalid'
  | 'source-seo-policy-invalid'
  | 'source-domain-invalid'
  | 'source-homepage-invalid'
  | 'source-license-url-invalid'
  | 'source-rights-window-invalid'
  | 'credit-template-empty'
  | 'credit-template-unbalanced'
  | 'credit-template-unknown-placeholder'
