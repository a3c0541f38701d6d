import { copyrightNotice } from './attribution'
import { toDate } from './dates'
import { isLicense, licenseUrlFor, type LicenseId } from './licenses'
import { DEFAULT_MEDIA_CREDIT_TEMPLATE, renderCreditLine } from './template'
import type { ArticleLike, MediaLike, SourceLike } from './types'

/** Stamped credit fields of a Media doc. */
export interface MediaCredit {
  /** `图片来源: {source name}`, else `图片来源: {creator}`, else `''`. */
  creditLine: string
  /** The Source's licence, else the media's own `license`, else null. */
  license: LicenseId | null
  licenseUrl: string | null
  /** `© {holder}` — Source copyrightHolder/name, else creator; the media's own notice wins if set. */
  copyrightNotice: string | null
}

/** Options for {@link computeMediaCredit}. */
export interface MediaCreditOptions {
  /** Template with `{source}` (filled with the source name or the creator). Default `图片来源: {source}`. */
  template?: string
}

/**
 * Credit of an image: from its Source when it has one (`图片来源: 路透社`),
 * otherwise from its `creator` (`图片来源: 张三`), otherwise empty.
 */
export function computeMediaCredit(media: MediaLike, source: SourceLike | null | undefined, options: MediaCreditOptions = {}): MediaCredit {
  const template = options.template?.trim() || DEFAULT_MEDIA_CREDIT_TEMPLATE
  const sourceName = source?.name?.trim() || null
  const creator = media.creator?.trim() || null
  const who = sourceName ?? creator
  const license = isLicense(source?.license) ? source.license : isLicense(media.license) ? media.license : null
  const holder = source ? source.copyrightHolder?.trim() || sourceName : creator
  return {
    creditLine: who ? renderCreditLine(template, { source: who }) : '',
    license,
    licenseUrl: licenseUrlFor(license, source?.licenseUrl),
    copyrightNotice: media.copyrightNotice?.trim() || (license === 'public-domain' ? null : copyrightNotice(holder, null)),
  }
}

const DAY_MS = 24 * 60 * 60 * 1000

/**
 * End of the period during which we may keep the story online:
 * `publishedAt + source.rightsWindowDays` days. Null when the source has no window,
 * the article is not published yet, or it is an `original` article.
 */
export function rightsWindowEnd(article: Pick<ArticleLike, 'publishedAt' | 'origin'>, source: Pick<SourceLike, 'rightsWindowDays'> | null | undefined): Date | null {
  if (article.origin === 'original') return null
  const days = source?.rightsWindowDays
  if (typeof days !== 'number' || !Number.isFinite(days) || days <= 0) return null
  const published = toDate(article.publishedAt)
  if (!published) return null
  return new Date(published.getTime() + days * DAY_MS)
}

/** True when {@link rightsWindowEnd} exists and `now` is at or after it. */
export function isRightsWindowExpired(
  article: Pick<ArticleLike, 'publishedAt' | 'origin'>,
  source: Pick<SourceLike, 'rightsWindowDays'> | null | undefined,
  now: Date,
): boolean {
  const end = rightsWindowEnd(article, source)
  return end !== null && now.getTime() >= end.getTime()
}
