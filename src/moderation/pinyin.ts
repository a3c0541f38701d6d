/**
 * Sounds of Chinese characters for the sound readings (homophones, pinyin,
 * mixed script, initials): toneless pinyin from `pinyin-pro` (every reading of
 * a character, so 的 is both de and di), cached per code point, and a fuzzy key
 * that merges the usual confusions (z/zh, c/ch, s/sh, n/l, in/ing, en/eng).
 */
import { pinyin } from 'pinyin-pro'

const TONELESS = { toneType: 'none', type: 'array', v: true } as const

/** z/zh, c/ch, s/sh and n/l initials; in/ing and en/eng finals */
export function fuzzySyllable(s: string): string {
  let r = s
  if (r.length > 2 && r[1] === 'h' && (r[0] === 'z' || r[0] === 'c' || r[0] === 's')) r = r[0] + r.slice(2)
  else if (r[0] === 'l') r = 'n' + r.slice(1)
  if (r.endsWith('ing') || r.endsWith('eng')) r = r.slice(0, -1)
  return r
}

/** every spelling that fuzzySyllable folds onto the same key as `s` */
export function syllableVariants(s: string): string[] {
  const heads: string[] = []
  const f = fuzzySyllable(s)
  let head = f
  let tail = ''
  if (f.endsWith('in') || f.endsWith('en')) {
    tail = f.slice(-2)
    head = f.slice(0, -2)
  }
  const initials =
    head[0] === 'z' || head[0] === 'c' || head[0] === 's' ? [head, head[0] + 'h' + head.slice(1)] : head[0] === 'n' ? [head, 'l' + head.slice(1)] : [head]
  for (const i of initials) heads.push(i)
  const out: string[] = []
  for (const h of heads) {
    if (tail) out.push(h + tail, h + tail + 'g')
    else out.push(h)
  }
  return out.filter((v) => v.length > 0)
}

const hanCache = new Map<number, readonly string[]>()

/** toneless readings of one Han character (ü written v) */
export function hanReadings(cp: number): readonly string[] {
  let r = hanCache.get(cp)
  if (r === undefined) {
    const ch = String.fromCodePoint(cp)
    const all = pinyin(ch, { ...TONELESS, multiple: true }) as string[]
    r = [...new Set(all.filter((s) => /^[a-z]+$/.test(s)))]
    hanCache.set(cp, r)
  }
  return r
}

const hanKeyCache = new Map<number, readonly string[]>()
/** fuzzy keys of one Han character */
export function hanKeys(cp: number): readonly string[] {
  let r = hanKeyCache.get(cp)
  if (r === undefined) {
    r = [...new Set(hanReadings(cp).map(fuzzySyllable))]
    hanKeyCache.set(cp, r)
  }
  return r
}

/** toneless pinyin of a term in context (他妈的 → ta ma de) */
export function termReadings(term: string): string[] {
  return pinyin(term, TONELESS) as string[]
}

/** the Chinese numerals (and 幺 for 1, 两 for 2) read through the same library */
const NUMERALS = ['零〇', '一幺', '二两', '三', '四', '五', '六', '七', '八', '九']
let digitKeyTable: (readonly string[])[] | null = null
/** fuzzy keys a digit is read as in a Chinese sentence (4 → si, 8 → ba) */
export function digitKeys(d: number): readonly string[] {
  if (digitKeyTable === null) {
    digitKeyTable = NUMERALS.map((chars) => [...new Set([...chars].flatMap((c) => hanKeys(c.codePointAt(0)!)))])
  }
  return digitKeyTable[d]
}
