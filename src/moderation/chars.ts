/**
 * Per-code-point folding to the matching form.
 *
 * Every code point of the input is folded independently (so offsets into the
 * original text are kept exactly) to zero or more "matching" code points:
 *
 *   1. Default_Ignorable_Code_Point, format (Cf) and control characters → nothing
 *   2. combining marks (Mn/Mc/Me) → nothing (they attach to the previous unit)
 *   3. Unicode NFKC (full-width, math alphanumerics, circled, ligatures, …)
 *   4. Han: Traditional → Simplified (OpenCC character tables, opencc-js)
 *   5. canonical decomposition + combining-mark removal (é → e, ø → o)
 *   6. look-alike folding from Unicode's confusables.txt (unhomoglyph data),
 *      completed with a small table of letters whose confusable prototype is
 *      not a Latin letter (Greek β → b, Cyrillic в → b, …)
 *   7. case folding (lower case, ß → ss)
 *
 * Results are cached per code point (typed arrays for the BMP), so the hot
 * loop costs one table lookup per character.
 */
import confusablesData from 'unhomoglyph/data.json'
import { to as openccTo, from as openccFrom } from 'opencc-js/preset'

/** Unit kinds. */
export const K_WORD = 1 // letters and digits of non-CJK scripts
export const K_CJK = 2 // Han, kana, Hangul, Bopomofo: matched anywhere
export const K_SPACE = 3 // white space and line breaks
export const K_PUNCT = 4 // punctuation, symbols, emoji
/** cache markers */
const C_UNKNOWN = 0
const C_IGNORE = 5 // invisible / format / control: dropped
const C_MARK = 6 // combining mark: dropped, extends the previous unit
const C_MULTI = 7 // folds to several code points (see multiCache)

const CONFUSABLES = confusablesData as unknown as Record<string, string>

const RE_IGNORABLE = /^[\p{Default_Ignorable_Code_Point}\p{Cf}\p{Cc}\p{Cs}\p{Co}\p{Cn}]$/u
const RE_MARK = /^\p{M}$/u
const RE_CJK = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Bopomofo}]$/u
const RE_WORD = /^[\p{L}\p{N}]$/u
const RE_SPACE = /^[\s\p{Z}\u2800]$/u
const RE_MARKS_G = /\p{M}+/gu

/**
 * Letters whose confusables.txt prototype is not a plain Latin letter, or which
 * confusables.txt does not list but are routinely used as Latin look-alikes.
 * Keys are matched after NFKC; values are lower-case Latin.
 */
const SUPPLEMENT: Record<string, string> = {
  // Greek
  'α': 'a', 'β': 'b', 'γ': 'y', 'δ': 'd', 'ε': 'e', 'ζ': 'z', 'η': 'n', 'θ': 'o', 'ι': 'i', 'κ': 'k',
  'λ': 'l', 'μ': 'u', 'ν': 'v', 'ξ': 'e', 'ο': 'o', 'π': 'n', 'ρ': 'p', 'σ': 'o', 'ς': 'c', 'τ': 't',
  'υ': 'u', 'φ': 'o', 'χ': 'x', 'ψ': 'w', 'ω': 'w', 'ϲ': 'c', 'ϳ': 'j', 'ϱ': 'p', 'ϵ': 'e', 'ϐ': 'b',
  'ϑ': 'o', 'ϰ': 'k', 'ϖ': 'w', 'ϟ': 'y',
  // Cyrillic lower case (upper case is covered by confusables.txt)
  'а': 'a', 'б': 'b', 'в': 'b', 'г': 'r', 'д': 'd', 'е': 'e', 'ё': 'e', 'ж': 'x', 'з': 'e', 'и': 'u',
  'й': 'u', 'к': 'k', 'л': 'n', 'м': 'm', 'н': 'h', 'о': 'o', 'п': 'n', 'р': 'p', 'с': 'c', 'т': 't',
  'у': 'y', 'ф': 'o', 'х': 'x', 'ц': 'u', 'ч': 'y', 'ш': 'w', 'щ': 'w', 'ъ': 'b', 'ы': 'bi', 'ь': 'b',
  'э': 'e', 'ю': 'io', 'я': 'r', 'ѕ': 's', 'і': 'i', 'ї': 'i', 'ј': 'j', 'ԁ': 'd', 'ԛ': 'q', 'ԝ': 'w',
  'һ': 'h', 'ӏ': 'l', 'ҡ': 'k', 'ү': 'y', 'ұ': 'y', 'ҫ': 'c', 'ӄ': 'k', 'ԍ': 'g', 'ɢ': 'g', 'є': 'e',
  // Armenian
  'ա': 'w', 'բ': 'p', 'գ': 'q', 'դ': 'n', 'ե': 'b', 'զ': 'q', 'է': 't', 'ը': 'n', 'թ': 'p', 'ժ': 'd',
  'ի': 'h', 'լ': 'l', 'խ': 'h', 'ծ': 'o', 'կ': 'y', 'հ': 'h', 'ձ': 'd', 'ղ': 'n', 'ճ': 'n', 'մ': 'u',
  'յ': 'j', 'ն': 'u', 'շ': 'c', 'ո': 'n', 'չ': 'e', 'պ': 'w', 'ջ': 'g', 'ռ': 'n', 'ս': 'u', 'վ': 'u',
  'ր': 'n', 'ց': 'g', 'ւ': 'l', 'փ': 'w', 'ք': 'p', 'օ': 'o', 'ֆ': 'f', 'Ս': 'u', 'Օ': 'o',
  'Ո': 'n', 'Ց': 'g', 'Լ': 'l', 'Ւ': 'l', 'Ք': 'p', 'Զ': 'z',
  // IPA and Latin extensions
  'ɑ': 'a', 'ɐ': 'a', 'ɒ': 'a', 'ʙ': 'b', 'ɓ': 'b', 'ɔ': 'c', 'ɕ': 'c', 'ɖ': 'd', 'ɗ': 'd', 'ɘ': 'e',
  'ə': 'e', 'ɛ': 'e', 'ɜ': 'e', 'ɞ': 'e', 'ɟ': 'j', 'ɠ': 'g', 'ɡ': 'g', 'ɣ': 'y', 'ɥ': 'h', 'ɦ': 'h',
  'ɨ': 'i', 'ɩ': 'i', 'ɪ': 'i', 'ɫ': 'l', 'ɬ': 'l', 'ɭ': 'l', 'ɯ': 'w', 'ɱ': 'm', 'ɲ': 'n', 'ɳ': 'n',
  'ɴ': 'n', 'ɵ': 'o', 'ɶ': 'oe', 'ɹ': 'r', 'ɻ': 'r', 'ɼ': 'r', 'ɽ': 'r', 'ɾ': 'r', 'ʀ': 'r', 'ʁ': 'r',
  'ʂ': 's', 'ʃ': 's', 'ʈ': 't', 'ʉ': 'u', 'ʊ': 'u', 'ʋ': 'v', 'ʌ': 'v', 'ʍ': 'w', 'ʏ': 'y', 'ʐ': 'z',
  'ʑ': 'z', 'ʒ': 'z', 'ʜ': 'h', 'ʝ': 'j', 'ʞ': 'k', 'ʟ': 'l', 'ʠ': 'q', 'ᴀ': 'a', 'ᴄ': 'c', 'ᴅ': 'd',
  'ᴇ': 'e', 'ᴊ': 'j', 'ᴋ': 'k', 'ᴍ': 'm', 'ᴏ': 'o', 'ᴘ': 'p', 'ᴛ': 't', 'ᴜ': 'u', 'ᴠ': 'v', 'ᴡ': 'w',
  'ᴢ': 'z', 'ꜰ': 'f', 'ꜱ': 's', 'ƈ': 'c', 'ƙ': 'k', 'ƚ': 'l', 'ƞ': 'n', 'ƥ': 'p', 'ƭ': 't',
  'ʋ̃': 'v', 'ı': 'i', 'ȷ': 'j', 'ĸ': 'k', 'ŀ': 'l', 'ł': 'l', 'đ': 'd', 'ħ': 'h', 'ŧ': 't', 'ø': 'o',
  'æ': 'ae', 'œ': 'oe', 'ð': 'd', 'þ': 'p', 'ꞓ': 'e', 'ɚ': 'e', 'ƀ': 'b', 'ƃ': 'b', 'ƅ': 'b', 'ƌ': 'd',
  'ƒ': 'f', 'ƕ': 'h', 'ƴ': 'y', 'ƶ': 'z', 'ȥ': 'z', 'ɇ': 'e', 'ɉ': 'j', 'ɋ': 'q', 'ɍ': 'r', 'ɏ': 'y',
  // Cherokee (upper case; lower case folds to it first)
  'Ꭺ': 'a', 'Ᏼ': 'b', 'Ꮯ': 'c', 'Ꭰ': 'd', 'Ꭼ': 'e', 'Ꮐ': 'g', 'Ꮋ': 'h', 'Ꭵ': 'i', 'Ꭻ': 'j', 'Ꮶ': 'k',
  'Ꮮ': 'l', 'Ꮇ': 'm', 'Ꮑ': 'n', 'Ꮎ': 'o', 'Ꮲ': 'p', 'Ꭱ': 'r', 'Ꮪ': 's', 'Ꮥ': 's', 'Ꭲ': 't', 'Ꮩ': 'v',
  'Ꮃ': 'w', 'Ꮤ': 'w', 'Ꭹ': 'y', 'Ꮓ': 'z', 'Ꮟ': 'b', 'Ꮳ': 'c', 'Ꮹ': 'g', 'Ꮒ': 'h', 'Ꮍ': 'y',
  // Lisu and other "Latin capital" look-alike alphabets are covered by confusables.txt.
  // symbols commonly used as letters
  'ß': 'ss', 'ẞ': 'ss', '∪': 'u', '∩': 'n', '⊂': 'c', '∈': 'e', '∑': 'e', '∆': 'a', '∇': 'v', '√': 'v',
  '¢': 'c', '©': 'c', '®': 'r', '€': 'e', '¥': 'y', '£': 'l', '×': 'x', '♡': 'o', '○': 'o', '●': 'o',
  'Ø': 'o', 'Ð': 'd', 'Þ': 'p', 'Æ': 'ae', 'Œ': 'oe', 'Ł': 'l', 'Đ': 'd', 'Ħ': 'h', 'Ŧ': 't',
}

// ---- Traditional → Simplified (character level, OpenCC tables) -------------

let t2s: Map<number, number> | null = null
function loadDictLike(dict: unknown, into: Map<number, number>): void {
  if (typeof dict === 'string') {
    for (const entry of dict.split('|')) {
      const sp = entry.indexOf(' ')
      if (sp < 0) continue
      const k = entry.slice(0, sp)
      const v = entry.slice(sp + 1).split(' ')[0]
      addPair(k, v, into)
    }
  } else if (Array.isArray(dict)) {
    for (const pair of dict as [string, string][]) addPair(pair[0], String(pair[1]).split(' ')[0], into)
  }
}
function addPair(k: string, v: string, into: Map<number, number>): void {
  const kc = k.codePointAt(0)!
  const vc = v.codePointAt(0)!
  if (String.fromCodePoint(kc).length !== k.length || String.fromCodePoint(vc).length !== v.length) return
  if (kc !== vc && !into.has(kc)) into.set(kc, vc)
}
function traditionalTable(): Map<number, number> {
  if (t2s) return t2s
  const variants = new Map<number, number>()
  for (const region of ['tw', 'hk', 'jp'] as const) {
    for (const group of openccFrom[region] ?? []) for (const dict of group) loadDictLike(dict, variants)
  }
  const chars = new Map<number, number>()
  for (const group of openccTo.cn ?? []) for (const dict of group) loadDictLike(dict, chars)
  const table = new Map<number, number>()
  for (const [k, v] of variants) table.set(k, chars.get(v) ?? v)
  for (const [k, v] of chars) table.set(k, v)
  t2s = table
  return table
}

/** Traditional → Simplified for one Han character (identity when not listed). */
export function toSimplified(cp: number): number {
  const t = traditionalTable()
  let v = t.get(cp)
  if (v === undefined) return cp
  // resolve chains (variant → traditional → simplified)
  for (let i = 0; i < 3; i++) {
    const w = t.get(v)
    if (w === undefined || w === v) break
    v = w
  }
  return v
}

/**
 * Han characters that only occur as written variants of another character in
 * abusive language (屄 for 逼, 肏 for 操); folded so one list entry covers both.
 */
const HAN_VARIANTS = new Map<number, number>([
  [0x5c44, 0x903c], // 屄 → 逼
  [0x808f, 0x64cd], // 肏 → 操
])

// ---- slow path -------------------------------------------------------------

function foldChar(c: string, depth: number): string {
  if (RE_IGNORABLE.test(c) || RE_MARK.test(c)) return ''
  const cp = c.codePointAt(0)!
  if (cp < 0x80) {
    return cp >= 0x41 && cp <= 0x5a ? String.fromCharCode(cp + 32) : c
  }
  if (RE_CJK.test(c)) {
    // Hangul syllables → conjoining jamo, kana without voicing marks, so NFC
    // and NFD text fold alike
    const nfd = c.normalize('NFD').replace(RE_MARKS_G, '')
    if (nfd !== c) return foldString(nfd, depth + 1)
    const simp = toSimplified(cp)
    return String.fromCodePoint(HAN_VARIANTS.get(simp) ?? simp)
  }
  if (depth > 4) return c.toLowerCase()
  // canonical decomposition, marks removed — first, so canonically equivalent text (NFC ǫ, NFD o + ◌̨)
  // always folds alike, whatever the look-alike tables say
  const d = c.normalize('NFD').replace(RE_MARKS_G, '')
  if (d !== c) return foldString(d, depth + 1)
  const supp = SUPPLEMENT[c]
  if (supp !== undefined) return supp
  // confusables.txt prototype (try the character, then its case partners)
  let proto = CONFUSABLES[c]
  if (proto === undefined) {
    const up = c.toUpperCase()
    if (up !== c && [...up].length === 1) proto = CONFUSABLES[up] ?? (SUPPLEMENT[up] !== undefined ? up : undefined)
  }
  if (proto === undefined) {
    const lo = c.toLowerCase()
    if (lo !== c && [...lo].length === 1) proto = CONFUSABLES[lo] ?? lo
  }
  if (proto !== undefined && proto !== c) return foldString(proto.normalize('NFKC'), depth + 1)
  return c.toLowerCase()
}

function foldString(s: string, depth: number): string {
  let out = ''
  for (const ch of s) out += foldChar(ch, depth)
  return out
}

/**
 * Fold one code point (given as a string) to its matching form: '' when it is
 * ignorable or a combining mark.
 */
export function foldCodePointSlow(ch: string): string {
  if (RE_IGNORABLE.test(ch) || RE_MARK.test(ch)) return ''
  const cp = ch.codePointAt(0)!
  // regional indicators and negative circled/squared letters have no NFKC mapping
  if (cp >= 0x1f1e6 && cp <= 0x1f1ff) return String.fromCharCode(0x61 + cp - 0x1f1e6)
  if (cp >= 0x1f150 && cp <= 0x1f169) return String.fromCharCode(0x61 + cp - 0x1f150)
  if (cp >= 0x1f170 && cp <= 0x1f189) return String.fromCharCode(0x61 + cp - 0x1f170)
  return foldString(ch.normalize('NFKC'), 0)
}

export function kindOf(ch: string): number {
  if (RE_CJK.test(ch)) return K_CJK
  if (RE_WORD.test(ch)) return K_WORD
  if (RE_SPACE.test(ch)) return K_SPACE
  return K_PUNCT
}

// ---- caches ----------------------------------------------------------------

/** BMP cache: folded code (single code point results) and kind/marker. */
const bmpCode = new Int32Array(0x10000)
const bmpKind = new Uint8Array(0x10000)
/** results with several code points, or astral input */
const multiCache = new Map<number, { codes: number[]; kinds: number[]; marker: number }>()

function compute(cp: number): { codes: number[]; kinds: number[]; marker: number } {
  const ch = String.fromCodePoint(cp)
  const isMark = RE_MARK.test(ch)
  const folded = foldCodePointSlow(ch)
  if (folded === '') return { codes: [], kinds: [], marker: isMark ? C_MARK : C_IGNORE }
  const codes: number[] = []
  const kinds: number[] = []
  for (const c of folded) {
    codes.push(c.codePointAt(0)!)
    kinds.push(kindOf(c))
  }
  return { codes, kinds, marker: codes.length === 1 ? kinds[0] : C_MULTI }
}

// ASCII fast table
for (let c = 0; c < 0x80; c++) {
  if (c >= 0x41 && c <= 0x5a) {
    bmpCode[c] = c + 32
    bmpKind[c] = K_WORD
  } else if ((c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39)) {
    bmpCode[c] = c
    bmpKind[c] = K_WORD
  } else if (c === 0x20 || (c >= 0x09 && c <= 0x0d)) {
    bmpCode[c] = 0x20
    bmpKind[c] = K_SPACE
  } else if (c < 0x20 || c === 0x7f) {
    bmpKind[c] = C_IGNORE
  } else {
    bmpCode[c] = c
    bmpKind[c] = K_PUNCT
  }
}

export const MARKER_IGNORE = C_IGNORE
export const MARKER_MARK = C_MARK
export const MARKER_MULTI = C_MULTI

/** Kind (or marker) per BMP code point; 0 = not computed yet (call bmpLookup). */
export const BMP_KIND = bmpKind
/** Folded code per BMP code point (valid when its kind is K_WORD..K_PUNCT). */
export const BMP_CODE = bmpCode

/** Kind/marker of a BMP code point (computing and caching it on first use). */
export function bmpLookup(cp: number): number {
  let k = bmpKind[cp]
  if (k === C_UNKNOWN) {
    const r = compute(cp)
    if (r.marker === C_MULTI) multiCache.set(cp, r)
    else if (r.codes.length === 1) bmpCode[cp] = r.codes[0]
    bmpKind[cp] = k = r.marker
  }
  return k
}
export function bmpFolded(cp: number): number {
  return bmpCode[cp]
}
/** Folding of a code point with a multi-code-point result, or of an astral code point. */
export function multiLookup(cp: number): { codes: number[]; kinds: number[]; marker: number } {
  let r = multiCache.get(cp)
  if (r === undefined) {
    r = compute(cp)
    multiCache.set(cp, r)
  }
  return r
}

// ---- leetspeak (second reading) ---------------------------------------------

/** Leetspeak folding: digit/symbol code → letter code (0 = none). */
export const LEET = new Int32Array(0x80)
const LEET_PAIRS: [string, string][] = [
  ['0', 'o'], ['1', 'i'], ['2', 'z'], ['3', 'e'], ['4', 'a'], ['5', 's'], ['6', 'g'], ['7', 't'], ['8', 'b'], ['9', 'g'],
  ['@', 'a'], ['$', 's'], ['!', 'i'], ['|', 'i'], ['+', 't'], ['(', 'c'], ['[', 'c'], ['<', 'c'], ['{', 'c'],
  // skeleton: l and i are written interchangeably (1, |, !), and so are v and u (fvck, (vn7)
  ['l', 'i'], ['v', 'u'],
]
for (const [a, b] of LEET_PAIRS) LEET[a.charCodeAt(0)] = b.charCodeAt(0)
/** Folded non-ASCII symbols that read as letters in leetspeak. */
export const LEET_EXTRA = new Map<number, number>([
  [0xa1, 0x69], // ¡
  [0xa7, 0x73], // §
])
