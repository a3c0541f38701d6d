/** Plain-text rules for comment bodies and names (no Payload imports). */

// Invisible characters: zero-width, joiners, bidi controls, BOM, soft hyphen, word joiner, fillers.
const INVISIBLE = /[\u00AD\u034F\u061C\u115F\u1160\u17B4\u17B5\u180B-\u180F\u200B-\u200F\u202A-\u202E\u2060-\u206F\u3164\uFE00-\uFE0F\uFEFF\uFFA0]/g

/** The text a length rule sees: invisible characters removed, then trimmed. */
export const visibleText = (value: unknown): string =>
  typeof value === 'string' ? value.replace(INVISIBLE, '').trim() : ''

/** Length in user-perceived characters (code points), so 5000 Chinese characters count as 5000. */
export const textLength = (value: string): number => {
  let n = 0
  for (const _ of value) n++
  return n
}

export const BODY_MAX = 5000
export const NAME_MAX = 60

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

export const looksLikeEmail = (value: string): boolean => EMAIL.test(value)

/** Email as compared for duplicates, blocking and the new-commenter rule. */
export const normalizeEmail = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() ? value.trim().toLowerCase() : undefined
