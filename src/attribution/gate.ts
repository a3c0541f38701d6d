import { isSyndicated, SEO_POLICIES } from './attribution'
import { toDate } from './dates'
import { hostMatchesDomain, normalizeDomain, parseHttpUrl, sourceDomains } from './domains'
import { isLicense, LICENSE_INFO, LICENSES, resolvePermissions, type DefaultPermissionsOptions } from './licenses'
import { validateCreditTemplate } from './template'
import type { ArticleLike, Failure, SourceLike } from './types'

function hasEvidence(v: unknown): boolean {
  if (v === null || v === undefined) return false
  if (typeof v === 'string') return v.trim().length > 0
  if (Array.isArray(v)) return v.length > 0
  return true // an upload id/doc or rich text object
}

function sourceLabel(source: SourceLike): string {
  return source.name?.trim() ? `"${source.name.trim()}"` : 'this source'
}

/**
 * Everything that blocks publishing an article. Returns ALL failures (empty array = OK to publish).
 * Call it when the document is about to become published (`_status: 'published'` or an
 * unversioned publish); it does not look at `_status` itself.
 *
 * Every article: `embargoedUntil` must not be in the future (`embargo-active`, `embargo-invalid`).
 * `republished`/`translated` articles additionally need:
 * - a Source (`source-missing`) that is active (`source-inactive`);
 * - for `permission`/`wire` sources, recorded `permissionEvidence` (`permission-evidence-missing`);
 * - `originalUrl`: present, parsable, http(s), no `user@` part, host equal to or a subdomain of one of
 *   the Source's `domains` (`original-url-*`, `source-domains-empty`);
 * - `originalPublishedAt` (`original-published-at-missing` / `-invalid`);
 * - the right to republish (`republish-not-permitted`), and for translations to translate
 *   (`translate-not-permitted`) — explicit Source permissions, else licence defaults.
 *
 * @param source the populated Source (pass null if `article.source` is empty or could not be loaded).
 */
export function checkPublishGate(
  article: ArticleLike,
  source: SourceLike | null | undefined,
  now: Date,
  options: DefaultPermissionsOptions = {},
): Failure[] {
  const failures: Failure[] = []
  const fail = (field: string, code: Failure['code'], message: string) => failures.push({ field, code, message })

  if (isSyndicated(article)) {
    const kind = article.origin === 'translated' ? 'translated' : 'republished'
    if (!source) {
      fail('source', 'source-missing', `Choose the Source this ${kind} story comes from.`)
    } else {
      if (source.active === false) {
        fail('source', 'source-inactive', `The source ${sourceLabel(source)} is marked inactive. Reactivate it or choose another source.`)
      }
      if (isLicense(source.license) && LICENSE_INFO[source.license].requiresEvidence && !hasEvidence(source.permissionEvidence)) {
        fail(
          'source.permissionEvidence',
          'permission-evidence-missing',
          `The source ${sourceLabel(source)} has no proof of permission on file (contract, e-mail or subscription). Add it to the source first.`,
        )
      }
    }

    const url = parseHttpUrl(article.originalUrl)
    if (!url.ok) {
      const messages = {
        missing: 'Add the link to the original story.',
        invalid: 'The link to the original story is not a valid web address. Paste the full address, starting with https://.',
        protocol: 'The link to the original story must start with http:// or https://.',
        credentials: 'The link to the original story contains a user name or "@" before the site name, which is often used to disguise the real site. Paste the plain address of the story.',
      } as const
      fail('originalUrl', `original-url-${url.reason}`, messages[url.reason])
    } else if (source) {
      const domains = sourceDomains(source)
      if (domains.length === 0) {
        fail('source.domains', 'source-domains-empty', `The source ${sourceLabel(source)} has no website domains listed, so the original link cannot be checked. Add its domains to the source.`)
      } else if (!domains.some((d) => hostMatchesDomain(url.host, d))) {
        fail(
          'originalUrl',
          'original-url-domain-mismatch',
          `The original link points to ${url.host}, which is not a website of ${sourceLabel(source)} (${domains.join(', ')}). Check the link or the chosen source.`,
        )
      }
    }

    const hasOrigDate = article.originalPublishedAt !== null && article.originalPublishedAt !== undefined && article.originalPublishedAt !== ''
    if (!hasOrigDate) fail('originalPublishedAt', 'original-published-at-missing', 'Add the date the original story was published.')
    else if (!toDate(article.originalPublishedAt)) fail('originalPublishedAt', 'original-published-at-invalid', 'The original publication date is not a valid date.')

    if (source) {
      const perms = resolvePermissions(source, options)
      if (!perms.republish) {
        fail('source.permissions.republish', 'republish-not-permitted', `We do not have permission to republish stories from ${sourceLabel(source)}.`)
      }
      if (article.origin === 'translated' && !perms.translate) {
        fail('source.permissions.translate', 'translate-not-permitted', `We do not have permission to publish translations of stories from ${sourceLabel(source)}.`)
      }
    }
  }

  const hasEmbargo = article.embargoedUntil !== null && article.embargoedUntil !== undefined && article.embargoedUntil !== ''
  if (hasEmbargo) {
    const until = toDate(article.embargoedUntil)
    if (!until) fail('embargoedUntil', 'embargo-invalid', 'The embargo date is not a valid date. Fix or clear it before publishing.')
    else if (until.getTime() > now.getTime()) {
      fail('embargoedUntil', 'embargo-active', `This story is under embargo until ${until.toISOString().replace(/\.000Z$/, 'Z')}. It cannot be published before then.`)
    }
  }
  return failures
}

/** An image to check in {@link checkImagePermissions}. `source` is its populated Source, if any. */
export interface ImageToCheck {
  id: string | number
  filename?: string | null
  alt?: string | null
  source?: SourceLike | null
}

/** A failure about one image. */
export interface ImageFailure extends Failure {
  imageId: string | number
}

/**
 * One failure per image whose Source does not grant `images` (explicit permission,
 * else licence default). Images without a Source (own photos) pass.
 */
export function checkImagePermissions(images: readonly ImageToCheck[], options: DefaultPermissionsOptions = {}): ImageFailure[] {
  const out: ImageFailure[] = []
  for (const img of images) {
    if (!img.source) continue
    if (resolvePermissions(img.source, options).images) continue
    const label = img.filename?.trim() || img.alt?.trim() || `#${img.id}`
    out.push({
      field: 'images',
      code: 'image-not-permitted',
      imageId: img.id,
      message: `Image "${label}" comes from ${sourceLabel(img.source)}, which does not allow us to reuse its images. Replace or remove it.`,
    })
  }
  return out
}

/**
 * Validate a Source document (for the collection's `validate`/`beforeValidate`).
 * Checks name, licence, seoPolicy, credit template, domains, homepage/licenseUrl,
 * rightsWindowDays and that `permission`/`wire` sources carry `permissionEvidence`.
 */
export function validateSource(source: SourceLike): Failure[] {
  const failures: Failure[] = []
  const fail = (field: string, code: Failure['code'], message: string) => failures.push({ field, code, message })
  // Whatever a caller sent: a field of the wrong type is named, not tripped over (the checks below read text).
  const loose = source as Record<string, unknown>
  for (const field of ['name', 'license', 'seoPolicy', 'creditTemplate', 'homepage', 'licenseUrl'] as const) {
    if (loose[field] != null && typeof loose[field] !== 'string') fail(field, 'field-type-invalid', `"${field}" must be text.`)
  }
  if (loose.domains != null && !Array.isArray(loose.domains)) fail('domains', 'field-type-invalid', '"domains" must be a list of domain names.')
  if (failures.length) return failures
  if (!source.name?.trim()) fail('name', 'source-name-missing', 'Give the source a name.')
  if (!isLicense(source.license)) fail('license', 'source-license-invalid', `Choose a licence: ${LICENSES.join(', ')}.`)
  else if (LICENSE_INFO[source.license].requiresEvidence && !hasEvidence(source.permissionEvidence)) {
    fail('permissionEvidence', 'permission-evidence-missing', `Sources with the licence "${source.license}" need proof of permission (contract, e-mail or subscription).`)
  }
  if (source.seoPolicy != null && !(SEO_POLICIES as readonly string[]).includes(source.seoPolicy)) {
    fail('seoPolicy', 'source-seo-policy-invalid', `Choose an SEO policy: ${SEO_POLICIES.join(', ')}.`)
  }
  if (source.creditTemplate != null && source.creditTemplate !== '') {
    const err = validateCreditTemplate(source.creditTemplate)
    if (err) fail('creditTemplate', err.code, err.message)
  }
  for (const entry of source.domains ?? []) {
    const raw = typeof entry === 'string' ? entry : (entry?.domain ?? entry?.hostname ?? '')
    if (!normalizeDomain(raw)) fail('domains', 'source-domain-invalid', `"${raw ?? ''}" is not a valid domain name (example: news.example.com).`)
  }
  if (source.homepage && !parseHttpUrl(source.homepage).ok) fail('homepage', 'source-homepage-invalid', 'The homepage must be a full web address starting with https://.')
  if (source.licenseUrl && !parseHttpUrl(source.licenseUrl).ok) fail('licenseUrl', 'source-license-url-invalid', 'The licence link must be a full web address starting with https://.')
  if (source.rightsWindowDays != null && !(Number.isInteger(source.rightsWindowDays) && source.rightsWindowDays > 0)) {
    fail('rightsWindowDays', 'source-rights-window-invalid', 'The rights window must be a whole number of days greater than 0, or empty.')
  }
  return failures
}
