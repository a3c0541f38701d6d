import { Converter } from 'opencc-js/t2cn'
import { pinyin } from 'pinyin-pro'

/** Options for {@link slugify}. */
export interface SlugifyOptions {
  /** Maximum length; the slug is cut at the last hyphen that fits. Default 80. */
  maxLength?: number
}

const HAN_RE = /\p{Script=Han}/u
let toSimplified: ((s: string) => string) | null = null

/**
 * Words pinyin-pro reads wrongly in news copy (`央行` → "yang xing").
 * Matched before pinyin conversion; `行` followed by these characters is left alone (中央行政 …).
 */
const HANG_WORDS_RE = /(央|投|交|招|世)行(?![政动为使驶走进程销星人])/g

function hanToPinyin(text: string): string[] {
  const out: string[] = []
  let last = 0
  const convert = (s: string) => {
    if (s) out.push(...pinyin(s, { toneType: 'none', type: 'array', nonZh: 'consecutive', v: true }))
  }
  for (const m of text.matchAll(HANG_WORDS_RE)) {
    convert(text.slice(last, m.index))
    convert(m[1]!)
    out.push('hang')
    last = m.index! + m[0].length
  }
  convert(text.slice(last))
  return out
}

function asciiWords(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/ß/g, 'ss')
    .replace(/[æÆ]/g, 'ae')
    .replace(/[øØ]/g, 'o')
    .replace(/[đĐ]/g, 'd')
    .replace(/[łŁ]/g, 'l')
    .toLowerCase()
    .replace(/['’ʼ]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
}

/**
 * URL slug from a title: lowercase ASCII words joined by single hyphens.
 * Chinese (simplified or traditional) becomes toneless pinyin, one word per character
 * (`澳洲央行宣布加息` → `ao-zhou-yang-hang-xuan-bu-jia-xi`; ü is written `v`: 绿 → `lv`);
 * Latin accents are stripped (`Café` → `cafe`), apostrophes dropped (`Trump's` → `trumps`),
 * anything else (emoji, other scripts, punctuation) separates words.
 * Deterministic; at most `maxLength` (80) characters, cut at a hyphen.
 * Returns `''` when nothing usable remains (empty or emoji-only title) — the caller
 * chooses a fallback, e.g. `slugify(title) || String(id)`.
 * Matches `/^[a-z0-9]+(-[a-z0-9]+)*$/` or is `''`.
 */
export function slugify(title: string | null | undefined, options: SlugifyOptions = {}): string {
  const maxLength = Math.max(1, options.maxLength ?? 80)
  let text = (title ?? '').normalize('NFKC')
  if (!text.trim()) return ''
  let parts: string[]
  if (HAN_RE.test(text)) {
    toSimplified ??= Converter({ from: 'tw', to: 'cn' })
    text = toSimplified(text)
    parts = hanToPinyin(text)
  } else parts = [text]
  const slug = parts
    .map(asciiWords)
    .join('-')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '')
  return truncateSlug(slug, maxLength)
}

function truncateSlug(slug: string, max: number): string {
  if (slug.length <= max) return slug
  const cut = slug.slice(0, max + 1)
  const at = cut.lastIndexOf('-')
  const out = at > 0 ? cut.slice(0, at) : slug.slice(0, max)
  return out.replace(/-+$/, '')
}
