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
import { isEnglishWord } from './english'
import type { Units } from './normalize'

const K_WORD = chars.K_WORD
const K_SPACE = chars.K_SPACE
const K_PUNCT = chars.K_PUNCT

const INFLECTIONS = ['', 's', 'es', 'ed', 'er', 'ers', 'ing', 'y']
/** longest run of spaces/punctuation between two pieces of a broken word */
const MAX_GAP = 3
const MASKS = new Set([0x2a, 0x23, 0x40]) // * # @
/** a mask character anywhere (full-width forms fold to these): the cheap pre-check */
function mayBeMasked(text: string): boolean {
  return (
    text.includes('*') || text.includes('#') || text.includes('@') || text.includes('＊') || text.includes('＃') || text.includes('＠')
  )
}

/** scratch arrays for the pieces of a text, reused */
let pieceStart = new Int32Array(256)
let pieceEnd = new Int32Array(256)
let pieceFlags = new Uint8Array(256)
const JOINS = 1
const PLAIN_GAP = 2

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
  private readonly prefixHashes = new Set<number>()
  private readonly fullHashes = new Set<number>()
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
    if (pieceStart.length < n + 1) {
      pieceStart = new Int32Array(n + 64)
      pieceEnd = new Int32Array(n + 64)
      pieceFlags = new Uint8Array(n + 64)
    }
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
          pieceStart[count] = i
          pieceEnd[count] = j - 1
          pieceFlags[count] = (!barrier && gap > 0 && gap <= MAX_GAP ? JOINS : 0) | (gap === 1 && gapPlain ? PLAIN_GAP : 0)
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
    const limit = this.maxLength + 4
    const words: (string | undefined)[] = []
    const piece = (x: number): string => {
      let w = words[x]
      if (w === undefined) {
        w = ''
        for (let y = pieceStart[x]; y <= pieceEnd[x]; y++) w += String.fromCharCode(code[y])
        words[x] = w
      }
      return w
    }
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
      if (i > 0 && (kind[i - 1] === K_WORD || MASKS.has(code[i - 1]))) continue
      let j = i
      let masks = 0
      let other = false
      while (j < n && (kind[j] === K_WORD || MASKS.has(code[j]))) {
        const c = code[j]
        if (MASKS.has(c)) masks++
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
            if (!MASKS.has(c) && c !== word.charCodeAt(x)) return false
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

function looksLikeAddress(text: string, start: number, end: number): boolean {
  const at = text.indexOf('@', start)
  return at >= 0 && at < end && /^[a-z0-9-]+\.[a-z]{2,}/i.test(text.slice(at + 1, at + 40))
}
