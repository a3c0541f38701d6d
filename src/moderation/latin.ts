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

  /** `termWords[i]` is the folded lower-case letters of term i, or null when it is not one Latin word */
  constructor(termWords: (string | null)[]) {
    let max = 0
    termWords.forEach((w, term) => {
      if (w === null || w.length < 3 || !/^[a-z]+$/.test(w)) return
      if (!this.terms.has(w)) this.terms.set(w, term)
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
    for (const [w, t] of this.terms) if (t === term) return w
    return undefined
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
    // pieces: runs of ASCII letters, with the gap before each
    const starts: number[] = []
    const ends: number[] = []
    const words: string[] = []
    const joins: boolean[] = []
    /** the gap before the piece is one plain space */
    const plainGap: boolean[] = []
    const n = u.n
    const code = u.code
    const kind = u.kind
    let gap = 0
    let gapPlain = true
    let barrier = true
    for (let i = 0; i < n; ) {
      const k = kind[i]
      if (k === K_WORD) {
        let j = i
        let w = ''
        let letters = true
        while (j < n && kind[j] === K_WORD) {
          const c = code[j]
          if (c < 0x61 || c > 0x7a) letters = false
          else w += String.fromCharCode(c)
          j++
        }
        if (letters) {
          joins.push(!barrier && gap > 0 && gap <= MAX_GAP)
          plainGap.push(gap === 1 && gapPlain)
          starts.push(i)
          ends.push(j - 1)
          words.push(w)
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
    for (let p = 0; p < words.length; p++) {
      let joined = words[p]
      for (let q = p + 1; q < words.length && q <= p + 2; q++) {
        if (!joins[q]) break
        joined += words[q]
        if (joined.length > limit) break
        const term = this.termOf(joined)
        if (term === undefined) continue
        // ordinary words joined by chance: every piece an English word, written with
        // plain single spaces; a tab, a line break or punctuation inside a phrase is
        // not how a phrase is written, and two words that make a long listed
        // compound exactly (ass hole, dick head) are the compound
        let ordinary = joined.length < 7 || joined !== this.wordOf(term)
        for (let x = p; x <= q && ordinary; x++) {
          if (!isEnglishWord(words[x]) || (x > p && !plainGap[x])) ordinary = false
        }
        if (ordinary) continue
        out.push({ term, reading: 'broken_word', hidden: 0, ambiguous: false, u0: starts[p], u1: ends[q] })
        break
      }
    }
    return out
  }

  masked(u: Units, text: string): LatinMatch[] {
    const out: LatinMatch[] = []
    if (this.terms.size === 0) return out
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
