import exifr from 'exifr'
import type { CollectionBeforeChangeHook } from 'payload'

type Tags = Record<string, unknown>

/** First non-empty text among the tags, flattening XMP's language alternatives and lists. */
const firstText = (tags: Tags, names: string[]): string | undefined => {
  for (const name of names) {
    const text = asText(tags[name])
    if (text) return text
  }
  return undefined
}

const asText = (value: unknown): string | undefined => {
  if (value === null || value === undefined) return undefined
  if (typeof value === 'string') return value.trim() || undefined
  if (typeof value === 'number') return String(value)
  if (Array.isArray(value)) return value.map(asText).filter(Boolean).join(', ') || undefined
  if (typeof value === 'object') {
    const record = value as Record<string, unknown>
    return asText(record.value ?? record['x-default'] ?? Object.values(record)[0])
  }
  return undefined
}

/** Reads the credit an agency embedded in a photo (IPTC, XMP, EXIF), merged into one set of tags. */
export const readEmbeddedTags = async (file: Buffer): Promise<Tags> => {
  try {
    return ((await exifr.parse(file, { iptc: true, xmp: true, tiff: true, exif: false, gps: false, icc: false })) ?? {}) as Tags
  } catch {
    return {}
  }
}

/**
 * On upload, fills the editor's empty credit fields from the photo's embedded metadata: creator (IPTC
 * By-line / XMP dc:creator / EXIF Artist, else the Credit Line), copyright notice and caption. What the
 * editor typed is never replaced.
 */
export const readEmbeddedCredits: CollectionBeforeChangeHook = async ({ data, req }) => {
  const file = req.file
  if (!file?.data || !String(file.mimetype ?? '').startsWith('image/')) return data
  const tags = await readEmbeddedTags(file.data)
  const fill = (field: string, value: string | undefined) => {
    if (value && !(typeof data[field] === 'string' && data[field].trim())) data[field] = value
  }
  fill('creator', firstText(tags, ['Byline', 'By-line', 'creator', 'Artist', 'Credit', 'credit']))
  fill('copyrightNotice', firstText(tags, ['CopyrightNotice', 'rights', 'Copyright']))
  fill('caption', firstText(tags, ['Caption', 'Caption-Abstract', 'description', 'ImageDescription']))
  return data
}
