import type { Media } from '../payload-types'
import { cmsPublicUrl, siteTimeZone } from './config'

/** `2024-02-22` in the site's time zone. */
export const formatDate = (value: string | null | undefined): string => {
  if (!value) return ''
  const date = new Date(value)
  if (Number.isNaN(date.getTime())) return ''
  return new Intl.DateTimeFormat('en-CA', { timeZone: siteTimeZone(), year: 'numeric', month: '2-digit', day: '2-digit' }).format(date)
}

/** `2024-02-22 13:05` in the site's time zone. */
export const formatDateTime = (value: string | null | undefined): string => {
  if (!value) return ''
  const date = new Date(value)
  if (Number.isNaN(date.getTime())) return ''
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: siteTimeZone(), year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(date)
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? ''
  return `${part('year')}-${part('month')}-${part('day')} ${part('hour')}:${part('minute')}`
}

/** The populated media document of an upload value, or null when only an id came back. */
export const mediaOf = (value: unknown): Media | null => (value && typeof value === 'object' && 'url' in value ? (value as Media) : null)

/** A media file's URL as readers' browsers load it (relative URLs are the CMS's). */
export const mediaUrl = (media: Pick<Media, 'url'> | null | undefined, size?: 'card' | 'hero' | 'thumbnail' | 'og'): string | null => {
  const sized = size ? (media as { sizes?: Record<string, { url?: string | null }> } | null)?.sizes?.[size]?.url : null
  const url = sized || media?.url
  if (!url) return null
  return /^https?:\/\//.test(url) ? url : `${cmsPublicUrl()}${url}`
}

/** Keeps only http(s) links (an original URL is stamped by the CMS, but a link is a link). */
export const safeHttpUrl = (value: string | null | undefined): string | null => {
  if (!value) return null
  try {
    const url = new URL(value)
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.toString() : null
  } catch {
    return null
  }
}

/** A positive page number from a search param. */
export const pageParam = (value: string | string[] | undefined): number => {
  const n = Number(Array.isArray(value) ? value[0] : value)
  return Number.isInteger(n) && n > 0 && n < 10_000 ? n : 1
}
