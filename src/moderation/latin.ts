/**
 * Readings of listed Latin-script terms that need word knowledge or a guess:
 *
 *   - broken word: a term cut into two or three pieces by spaces, tabs, line
 *     breaks or punctuation (`w hore`, `di ck head`, `s\thit`). The pieces must
 *     be whole (the term starts at a piece's start and ends at a piece's end, an
 *     inflection allowed), and not every piece may be an ordinary English
 *     word: "finish it", "a bit chilly", "who re-elected" stay clean.
 *   - masked letters: letters replaced by `*`, `#` or `@` in a word as long as
 *     the term, with every visible letter in place (`f#ck`, `b*****d`, `s###`).
 */
import * as chars from './chars'
import * as english from './english'
import type { Units } from './normalize'

const K_WORD = chars.K_WORD
const K_SPACE = chars.K_SPACE
const K_PUNCT = chars.K_PUNCT
const isEnglishWord = english.isEnglishWord

const INFLECTIONS = ['', 's', 'es', 'ed', 'er', 'ers', 'ing', 'y']
/** longest run of spaces/punctuation between two pieces of a broken word */
const MAX_GAP = 3
function isMask(c: number): boolean {
  return c === 0x2a || c === 0x23 || c === 0x40 // * # @
}
/** a mask character anywhere (full-width forms fold to these): the cheap pre-check */
function mayBeMasked(text: string): boolean {
  return (
    text.includes('*') || text.includes('#') || text.includes('@') || text.includes('＊') || text.includes('＃') || text.includes('＠')
  )
}

/**
 * The pieces of a text (runs of a–z letters), each with what separates it
 * from the one before: JOINS (at most MAX_GAP spaces/punctuation, nothing
 * else since the previous piece) and PLAIN_GAP (one plain space). Filled by
 * brokenWords, or by the sound reading's tokenizer in the same pass over the
 * units (`of`/`version` say for which text).
 */
export class Pieces {
  start = new Int32Array(256)
  end = new Int32Array(256)
  flags = new Uint8Array(256)
  count = 0
  of: Units | null = null
  version = -1
  reserve(n: number): void {
    if (this.start.length >= n) return
    this.start = new Int32Array(n + 64)
    this.end = new Int32Array(n + 64)
    this.flags = new Uint8Array(n + 64)
  }
}
export const sharedPieces = new Pieces()
export const PIECE_JOINS = 1
export const PIECE_PLAIN_GAP = 2
export const PIECE_MAX_GAP = MAX_GAP
const JOINS = PIECE_JOINS
const PLAIN_GAP = PIECE_PLAIN_GAP
let pieceStart = sharedPieces.start
let pieceEnd = sharedPieces.end
let pieceFlags = sharedPieces.flags
/** the letters of each piece as a string, built only when a term may be there */
let pieceWords: string[] = new Array<string>(256).fill('')
/** the call that built pieceWords[x] (a piece's string is valid only in its own call) */
let pieceWordCall = new Int32Array(256)
let call = 0
let pieceCode: Int32Array = new Int32Array(0)
function piece(x: number): string {
  if (pieceWordCall[x] === call) return pieceWords[x]
  let w = ''
  for (let y = pieceStart[x]; y <= pieceEnd[x]; y++) w += String.fromCharCode(pieceCode[y])
  pieceWords[x] = w
  pieceWordCall[x] = call
  return w
}

export interface LatinMatch {
  term: number
  reading: 'broken_word' | 'masked'
  /** masked letters: how many letters the mask hides */
  hidden: number
  /** more than one listed term fits the mask */
  ambiguous: boolean
  u0: number
  u1: number
}

export class LatinIndex {
  private readonly terms = new Map<string, number>()
  private readonly byShape = new Map<string, { term: number; word: string }[]>()
  private readonly maxLength: number
  /**
   * Hashes of every proper prefix of every term and inflected term, and of the
   * whole terms and inflected terms: pieces are joined as numbers, and a string
   * is built only when the hash says a term may be there.
   */
  private readonly prefixHashes = new IntSet()
  private readonly fullHashes = new IntSet()
  private readonly words: string[] = []
  /** first two letters of every term (26 × 26) */
  private readonly firstPair = new Uint8Array(26 * 26)

  /** `termWords[i]` is the folded lower-case letters of term i, or null when it is not one Latin word */
  constructor(termWords: (string | null)[]) {
    let max = 0
    termWords.forEach((w, term) => {
      if (w === null || w.length < 3 || !/^[a-z]+$/.test(w)) return
      if (!this.terms.has(w)) this.terms.set(w, term)
      this.words[term] = w
      this.firstPair[(w.charCodeAt(0) - 0x61) * 26 + (w.charCodeAt(1) - 0x61)] = 1
      for (const inf of INFLECTIONS) {
        const full = w + inf
        let h = 0
        for (let p = 0; p < full.length; p++) {
          if (p > 0) this.prefixHashes.add(h)
          h = (Math.imul(h, 31) + full.charCodeAt(p)) | 0
        }
        this.fullHashes.add(h)
      }
      const key = `${w.length}:${w[0]}`
      const list = this.byShape.get(key)
      if (list) list.push({ term, word: w })
      else this.byShape.set(key, [{ term, word: w }])
      max = Math.max(max, w.length)
    })
    this.maxLength = max
  }

  get size(): number {
    return this.terms.size
  }

  private wordOf(term: number): string | undefined {
    return this.words[term]
  }

  private termOf(joined: string): number | undefined {
    for (const inf of INFLECTIONS) {
      if (inf.length >= joined.length) break
      if (inf !== '' && !joined.endsWith(inf)) continue
      const t = this.terms.get(inf === '' ? joined : joined.slice(0, joined.length - inf.length))
      if (t !== undefined) return t
    }
    return undefined
  }

  brokenWords(u: Units): LatinMatch[] {
    const out: LatinMatch[] = []
    if (this.terms.size === 0) return out
    const n = u.n
    const code = u.code
    const kind = u.kind
    const P = sharedPieces
    if (pieceWords.length < n + 1) {
      pieceWords = new Array<string>(n + 64).fill('')
      pieceWordCall = new Int32Array(n + 64)
    }
    if (P.of !== u || P.version !== u.version) {
      P.reserve(n + 1)
      const start = P.start
      const end = P.end
      const fl = P.flags
      // pieces: runs of ASCII letters, with what separates each from the one before
      let count = 0
      let gap = 0
      let gapPlain = true
      let barrier = true
      for (let i = 0; i < n; ) {
        const k = kind[i]
        if (k === K_WORD) {
          let j = i
          let letters = true
          while (j < n && kind[j] === K_WORD) {
            const c = code[j]
            if (c < 0x61 || c > 0x7a) letters = false
            j++
          }
          if (letters) {
            start[count] = i
            end[count] = j - 1
            fl[count] = (!barrier && gap > 0 && gap <= MAX_GAP ? JOINS : 0) | (gap === 1 && gapPlain ? PLAIN_GAP : 0)
            count++
            barrier = false
          } else barrier = true
          gap = 0
          gapPlain = true
          i = j
        } else {
          if (k === K_SPACE || k === K_PUNCT) {
            gap++
            if (code[i] !== 0x20) gapPlain = false
          } else barrier = true
          i++
        }
      }
      P.count = count
      P.of = u
      P.version = u.version
    }
    pieceStart = P.start
    pieceEnd = P.end
    pieceFlags = P.flags
    const count = P.count
    const limit = this.maxLength + 4
    call = (call + 1) | 0
    pieceCode = code
    const firstPair = this.firstPair
    const prefixHashes = this.prefixHashes
    const fullHashes = this.fullHashes
    for (let p = 0; p + 1 < count; p++) {
      if ((pieceFlags[p + 1] & JOINS) === 0) continue
      const len = pieceEnd[p] - pieceStart[p] + 1
      if (len >= this.maxLength) continue
      // the first two letters of the joined pieces must begin a term
      const a = code[pieceStart[p]] - 0x61
      const b = len > 1 ? code[pieceStart[p] + 1] - 0x61 : code[pieceStart[p + 1]] - 0x61
      if (firstPair[a * 26 + b] === 0) continue
      let h = 0
      for (let y = pieceStart[p]; y <= pieceEnd[p]; y++) h = (Math.imul(h, 31) + code[y]) | 0
      if (!prefixHashes.has(h)) continue
      let total = len
      for (let q = p + 1; q < count && q <= p + 2; q++) {
        if ((pieceFlags[q] & JOINS) === 0) break
        for (let y = pieceStart[q]; y <= pieceEnd[q]; y++) h = (Math.imul(h, 31) + code[y]) | 0
        total += pieceEnd[q] - pieceStart[q] + 1
        if (total > limit) break
        if (!fullHashes.has(h)) {
          if (prefixHashes.has(h)) continue
          break
        }
        let joined = ''
        for (let x = p; x <= q; x++) joined += piece(x)
        const term = this.termOf(joined)
        if (term === undefined) continue
        // ordinary words joined by chance: every piece an English word, written with
        // plain single spaces; a tab, a line break or punctuation inside a phrase is
        // not how a phrase is written, and two words that make a long listed
        // compound exactly (ass hole, dick head) are the compound
        let ordinary = joined.length < 7 || joined !== this.wordOf(term)
        for (let x = p; x <= q && ordinary; x++) {
          if (!isEnglishWord(piece(x)) || (x > p && (pieceFlags[x] & PLAIN_GAP) === 0)) ordinary = false
        }
        if (ordinary) continue
        out.push({ term, reading: 'broken_word', hidden: 0, ambiguous: false, u0: pieceStart[p], u1: pieceEnd[q] })
        break
      }
    }
    return out
  }

  masked(u: Units, text: string): LatinMatch[] {
    const out: LatinMatch[] = []
    if (this.terms.size === 0 || !mayBeMasked(text)) return out
    const n = u.n
    const code = u.code
    const kind = u.kind
    for (let i = 0; i < n; i++) {
      // a word that starts with a letter right after a boundary
      const c0 = code[i]
      if (kind[i] !== K_WORD || c0 < 0x61 || c0 > 0x7a) continue
      if (i > 0 && (kind[i - 1] === K_WORD || isMask(code[i - 1]))) continue
      let j = i
      let masks = 0
      let other = false
      while (j < n && (kind[j] === K_WORD || isMask(code[j]))) {
        const c = code[j]
        if (isMask(c)) masks++
        else if (c < 0x61 || c > 0x7a) other = true
        j++
      }
      const len = j - i
      if (masks === 0 || other || len < 3) {
        i = j
        continue
      }
      // not an e-mail address or a handle (name@host.tld, name@host)
      const next = j < n ? code[j] : 0
      if (next === 0x2e && j + 1 < n && kind[j + 1] === K_WORD) {
        i = j
        continue
      }
      const list = this.byShape.get(`${len}:${String.fromCharCode(c0)}`)
      if (list) {
        const fits = list.filter(({ word }) => {
          for (let x = 0; x < len; x++) {
            const c = code[i + x]
            if (!isMask(c) && c !== word.charCodeAt(x)) return false
          }
          return true
        })
        if (fits.length > 0 && !looksLikeAddress(text, u.start[i], u.end[j - 1])) {
          out.push({ term: fits[0].term, reading: 'masked', hidden: masks, ambiguous: fits.length > 1, u0: i, u1: j - 1 })
        }
      }
      i = j
    }
    return out
  }
}

/**
 * A set of 32-bit integers in one open-addressing typed array: a look-up is a
 * multiply and (mostly) one array read, where a Set of 130,000 numbers (a
 * 10,000-term list's prefixes) walks a hash chain.
 */
class IntSet {
  private keys = new Int32Array(64)
  private mask = 63
  private count = 0
  /** 0 marks an empty slot; the value 0 itself is kept aside */
  private zero = false
  get size(): number {
    return this.count + (this.zero ? 1 : 0)
  }
  private slot(v: number): number {
    return (Math.imul(v, 0x9e3779b1) >>> 7) & this.mask
  }
  add(v: number): void {
    if (v === 0) {
      this.zero = true
      return
    }
    if ((this.count + 1) * 2 > this.keys.length) this.grow()
    let h = this.slot(v)
    const keys = this.keys
    for (;;) {
      const k = keys[h]
      if (k === v) return
      if (k === 0) break
      h = (h + 1) & this.mask
    }
    keys[h] = v
    this.count++
  }
  has(v: number): boolean {
    if (v === 0) return this.zero
    const keys = this.keys
    const mask = this.mask
    let h = (Math.imul(v, 0x9e3779b1) >>> 7) & mask
    for (;;) {
      const k = keys[h]
      if (k === v) return true
      if (k === 0) return false
      h = (h + 1) & mask
    }
  }
  private grow(): void {
    const old = this.keys
    this.keys = new Int32Array(old.length * 2)
    this.mask = this.keys.length - 1
    this.count = 0
    for (const v of old) if (v !== 0) this.add(v)
  }
}

function looksLikeAddress(text: string, start: number, end: number): boolean {
  const at = text.indexOf('@', start)
  return at >= 0 && at < end && /^[a-z0-9-]+\.[a-z]{2,}/i.test(text.slice(at + 1, at + 40))
}
