/**
 * Sound readings of listed Chinese terms: the term read through what it
 * sounds like rather than how it is written.
 *
 *   - homophone: another character with the same toneless pinyin, or a usual
 *     confusion of initials/finals (啥逼, 傻币, 草尼玛 for 傻逼, 草泥马)
 *   - pinyin:    the term's pinyin, joined or spaced (sha bi, caonima)
 *   - mixed:     some characters as pinyin or a digit homophone (sha逼, 去4吧)
 *   - initials:  the first letters of the syllables (s b, c n m, T.M.D), only in
 *                a Chinese sentence
 *
 * Every listed term of two to eight CJK characters is compiled to its
 * syllables; the text is cut into tokens (one Han character, one digit, or one
 * run of Latin letters) with the UTF-16 span of each, and a term is tried only
 * at tokens whose sound can begin it (an index on the first syllable's key).
 */
import * as chars from './chars'
import * as english from './english'
import { crossesWordBoundary } from './segmenter'
import { digitKeys, fuzzySyllable, hanKeys, hanReadings, syllableVariants, termReadings } from './pinyin'
import type { Units } from './normalize'
import * as latin from './latin'

const K_CJK = chars.K_CJK
const K_WORD = chars.K_WORD
const K_SPACE = chars.K_SPACE
const K_PUNCT = chars.K_PUNCT
const sharedPieces = latin.sharedPieces
const PIECE_JOINS = latin.PIECE_JOINS
const PIECE_PLAIN_GAP = latin.PIECE_PLAIN_GAP
const PIECE_MAX_GAP = latin.PIECE_MAX_GAP
const isEnglishCodes = english.isEnglishCodes

export type SoundReading = 'homophone' | 'pinyin' | 'mixed' | 'initials'

export interface SoundTerm {
  /** index of the term in the moderator's list */
  term: number
  /** the term's characters (folded) */
  cps: number[]
  /** toneless syllables */
  syllables: string[]
  keys: string[]
  /** spellings accepted for each syllable in Latin letters (the exact one first) */
  spellings: string[][]
}

export interface SoundMatch {
  term: number
  reading: SoundReading
  /** the match needs a guess (homophone, near-homophone, initials) */
  guess: boolean
  u0: number
  u1: number
  /** the term's syllables, for the reason's detail */
  syllables: string[]
}

export interface SoundSwitches {
  homophones: boolean
  pinyin: boolean
  initials: boolean
}

const T_HAN = 1
const T_LATIN = 2
const T_DIGIT = 3

/** longest run of spaces/punctuation (in units) between two tokens of one term */
const MAX_GAP = 3

/** scratch token arrays, reused */
class Tokens {
  n = 0
  type = new Uint8Array(256)
  cp = new Int32Array(256)
  u0 = new Int32Array(256)
  u1 = new Int32Array(256)
  /** 1: separated from the previous token by at most MAX_GAP spaces/punctuation */
  joins = new Uint8Array(256)
  /** 1: the gap before the token is white space or . * - _ only (s b, T.M.D, s*b), not a comma */
  softGap = new Uint8Array(256)
  /** Latin tokens: 0 not yet asked, 1 an English word, 2 not (asked at most once per token) */
  english = new Uint8Array(256)
  /** room for `n` tokens (a text of n units has at most n) */
  reserve(n: number): void {
    if (this.type.length >= n) return
    const cap = Math.max(n, this.type.length * 2)
    this.type = new Uint8Array(cap)
    this.cp = new Int32Array(cap)
    this.u0 = new Int32Array(cap)
    this.u1 = new Int32Array(cap)
    this.joins = new Uint8Array(cap)
    this.softGap = new Uint8Array(cap)
    this.english = new Uint8Array(cap)
  }
}

const toks = new Tokens()
/** the units' codes of the text being read (Latin tokens are read from here, not copied) */
let codes: Int32Array = new Int32Array(0)

function wordLength(t: number): number {
  return toks.u1[t] - toks.u0[t] + 1
}

/** does the Latin token t continue with `s` at offset o? */
function continuesWith(t: number, o: number, s: string): boolean {
  const at = toks.u0[t] + o
  if (at + s.length - 1 > toks.u1[t]) return false
  for (let x = 0; x < s.length; x++) if (codes[at + x] !== s.charCodeAt(x)) return false
  return true
}

let units: Units | null = null
let source = ''

/** a Latin word written with a capital first letter and lower case after it (a name) */
function capitalised(t: number): boolean {
  if (units === null || wordLength(t) < 2) return false
  const first = source.charCodeAt(units.start[toks.u0[t]])
  const second = source.charCodeAt(units.start[toks.u0[t] + 1])
  return first >= 0x41 && first <= 0x5a && second >= 0x61 && second <= 0x7a
}

/** is the Latin token t an ordinary English word? (looked up once per token) */
function englishToken(t: number): boolean {
  let e = toks.english[t]
  if (e === 0) {
    e = isEnglishCodes(codes, toks.u0[t], toks.u1[t] + 1) ? 1 : 2
    toks.english[t] = e
  }
  return e === 1
}
/** punctuation that may sit between initials: . * - _ · */
const SOFT = new Set([0x2e, 0x2a, 0x2d, 0x5f, 0xb7])

function tokenize(u: Units, text: string): number {
  const n = u.n
  const code = u.code
  codes = code
  units = u
  source = text
  toks.reserve(n + 1)
  const kind = u.kind
  // the broken-word reading's pieces (runs of a–z letters) come out of the same pass
  const P = sharedPieces
  P.reserve(n + 1)
  const pStart = P.start
  const pEnd = P.end
  const pFlags = P.flags
  let pc = 0
  let pGap = 0
  let pGapPlain = true
  let pBarrier = true
  let t = 0
  let han = 0
  let gap = 0
  let soft = true
  let barrier = true
  let i = 0
  while (i < n) {
    const k = kind[i]
    const c = code[i]
    if (k === K_CJK) {
      toks.type[t] = T_HAN
      toks.cp[t] = c
      toks.u0[t] = i
      toks.u1[t] = i
      toks.joins[t] = !barrier && gap <= MAX_GAP ? 1 : 0
      t++
      han++
      gap = 0
      soft = true
      barrier = false
      pBarrier = true
      i++
    } else if (k === K_WORD) {
      let j = i
      let letters = 0
      let digits = 0
      let other = 0
      while (j < n && kind[j] === K_WORD) {
        const cj = code[j]
        if (cj >= 0x61 && cj <= 0x7a) letters++
        else if (cj >= 0x30 && cj <= 0x39) digits++
        else other++
        j++
      }
      const joins = !barrier && gap <= MAX_GAP ? 1 : 0
      if (other === 0 && digits === 0) {
        toks.type[t] = T_LATIN
        toks.english[t] = 0
        toks.softGap[t] = soft ? 1 : 0
        toks.u0[t] = i
        toks.u1[t] = j - 1
        toks.joins[t] = joins
        t++
        barrier = false
        pStart[pc] = i
        pEnd[pc] = j - 1
        pFlags[pc] = (!pBarrier && pGap > 0 && pGap <= PIECE_MAX_GAP ? PIECE_JOINS : 0) | (pGap === 1 && pGapPlain ? PIECE_PLAIN_GAP : 0)
        pc++
        pBarrier = false
      } else if (other === 0 && letters === 0 && digits <= 2) {
        // a digit or two read as numerals (去4吧); longer numbers are numbers
        for (let x = i; x < j; x++) {
          toks.type[t] = T_DIGIT
          toks.cp[t] = code[x] - 0x30
          toks.u0[t] = x
          toks.u1[t] = x
          toks.joins[t] = x === i ? joins : 1
          t++
        }
        barrier = false
        pBarrier = true
      } else {
        barrier = true
        pBarrier = true
      }
      gap = 0
      soft = true
      pGap = 0
      pGapPlain = true
      i = j
    } else {
      if (k === K_SPACE) {
        gap++
        pGap++
        if (c !== 0x20) pGapPlain = false
      } else if (k === K_PUNCT) {
        gap++
        pGap++
        pGapPlain = false
        if (!SOFT.has(c)) soft = false
      } else {
        barrier = true
        pBarrier = true
      }
      i++
    }
  }
  toks.n = t
  P.count = pc
  P.of = u
  P.version = u.version
  return han
}

export class SoundIndex {
  readonly terms: SoundTerm[] = []
  private readonly byKey = new Map<string, SoundTerm[]>()
  /** a number for every sound that begins or continues a term's first two syllables */
  private readonly keyIds = new Map<string, number>()
  /** terms by the numbers of their first two sounds */
  private readonly byPair = new Map<number, SoundTerm[]>()
  /** terms by the number of their first sound */
  private readonly byFirstId: (SoundTerm[] | undefined)[] = []
  /** per BMP character: the numbers of its sounds that begin or continue a term (computed on first use) */
  private readonly hanIdCache: (Int32Array | undefined)[] = new Array(0x10000)
  private readonly astralIdCache = new Map<number, Int32Array>()
  private readonly digitIdCache: Int32Array[] = []
  /** per BMP character: 0 not yet known, 1 its sound may start a term, 2 it starts none */
  private readonly hanStarts = new Uint8Array(0x10000)
  private readonly byLetter = new Map<string, SoundTerm[]>()
  /** terms by the Latin spellings of their first syllable */
  private readonly bySpelling = new Map<number, SoundTerm[]>()
  /** first two letters (a–z, or a–z then anything) of any first-syllable spelling: a cheap pre-check */
  private readonly firstPair = new Uint8Array(27 * 27)

  /** `termChars[i]` is the folded text of term i, or null for non-Chinese terms */
  constructor(termChars: (number[] | null)[]) {
    const readings = readAll(termChars.map((cps) => (cps === null || cps.length < 2 || cps.length > 8 ? null : cps)))
    termChars.forEach((cps, term) => {
      const syllables = readings[term]
      if (cps === null || syllables === null) return
      if (syllables.length !== cps.length || !syllables.every((s) => /^[a-z]+$/.test(s))) return
      const keys = syllables.map(fuzzySyllable)
      const spellings = syllables.map((s) => [s, ...syllableVariants(s).filter((v) => v !== s)])
      const st: SoundTerm = { term, cps, syllables, keys, spellings }
      this.terms.push(st)
      push(this.byKey, keys[0], st)
      for (const k of [keys[0], keys[1]]) if (!this.keyIds.has(k)) this.keyIds.set(k, this.keyIds.size)
      push(this.byPair, this.keyIds.get(keys[0])! * 65536 + this.keyIds.get(keys[1])!, st)
      const first = this.keyIds.get(keys[0])!
      const list = this.byFirstId[first]
      if (list === undefined) this.byFirstId[first] = [st]
      else if (!list.includes(st)) list.push(st)
      push(this.byLetter, syllables[0][0], st)
      for (const v of spellings[0]) {
        push(this.bySpelling, spellingKey(v), st)
        const a = v.charCodeAt(0) - 0x61
        const b = v.length > 1 ? v.charCodeAt(1) - 0x61 : -1
        if (b >= 0) this.firstPair[a * 27 + b] = 1
        else for (let x = 0; x < 27; x++) this.firstPair[a * 27 + x] = 1
      }
    })
  }

  get size(): number {
    return this.terms.length
  }

  /** the numbers of the keys (in `hanKeys` order) that some term uses */
  private idsOf(keys: readonly string[]): Int32Array {
    const ids: number[] = []
    for (const k of keys) {
      const id = this.keyIds.get(k)
      if (id !== undefined) ids.push(id)
    }
    return Int32Array.from(ids)
  }

  private hanIds(cp: number): Int32Array {
    let r = cp < 0x10000 ? this.hanIdCache[cp] : this.astralIdCache.get(cp)
    if (r === undefined) {
      r = this.idsOf(hanKeys(cp))
      if (cp < 0x10000) this.hanIdCache[cp] = r
      else this.astralIdCache.set(cp, r)
    }
    return r
  }

  private digitIds(d: number): Int32Array {
    let r = this.digitIdCache[d]
    if (r === undefined) {
      r = this.idsOf(digitKeys(d))
      this.digitIdCache[d] = r
    }
    return r
  }

  private tryAt(st: SoundTerm, i: number, hanCount: number, u: Units, on: SoundSwitches, out: SoundMatch[], initials: boolean): void {
    const m = initials ? matchInitials(st, i, hanCount) : matchFull(st, i, hanCount)
    if (m === null) return
    if (m.reading === 'homophone' && !on.homophones) return
    if ((m.reading === 'pinyin' || m.reading === 'mixed') && !on.pinyin) return
    if (m.reading !== 'initials' && m.reading !== 'pinyin' && splitsWords(u, m.u0, m.u1)) return
    for (const o of out) if (o.term === m.term && o.u0 === m.u0 && o.u1 === m.u1) return
    out.push(m)
  }

  /**
   * Terms whose initial the Latin word at token i begins with, when the word
   * can be initials: a Chinese sentence, at most four letters (sb, cnm, nmsl),
   * and not an English word.
   */
  private initialCandidates(i: number, hanCount: number): SoundTerm[] | undefined {
    const len = wordLength(i)
    if (hanCount < 2 || len > 4) return undefined
    if (len > 1 && englishToken(i)) return undefined
    return this.byLetter.get(String.fromCharCode(codes[toks.u0[i]]))
  }

  /** all sound matches in the units of `text` */
  find(u: Units, text: string, on: SoundSwitches): SoundMatch[] {
    const out: SoundMatch[] = []
    if (this.terms.length === 0) return out
    const hanCount = tokenize(u, text)
    const n = toks.n
    for (let i = 0; i < n; i++) {
      const type = toks.type[i]
      if (type === T_LATIN) {
        // in an English sentence a pinyin match may not begin with an English word ("ma de" is not 他妈的)
        if (this.firstPair[pairIndex(i)] === 1 && (hanCount > 0 || !englishToken(i))) {
          // every prefix of the word (up to six letters) that spells a first syllable
          const len = wordLength(i)
          let key = 0
          for (let p = 0; p < len && p < 6; p++) {
            key = key * 27 + (codes[toks.u0[i] + p] - 0x60)
            const c = this.bySpelling.get(key)
            if (c) for (const st of c) this.tryAt(st, i, hanCount, u, on, out, false)
          }
        }
        const initials = on.initials ? this.initialCandidates(i, hanCount) : undefined
        if (initials) for (const st of initials) this.tryAt(st, i, hanCount, u, on, out, true)
        continue
      }
      const cp = toks.cp[i]
      if (type === T_HAN && cp < 0x10000) {
        // most characters start no term: one typed-array look-up decides
        let seen = this.hanStarts[cp]
        if (seen === 0) {
          seen = hanKeys(cp).some((k) => this.byKey.has(k)) ? 1 : 2
          this.hanStarts[cp] = seen
        }
        if (seen === 2) continue
      }
      // the numbers of the sounds that begin or continue a term (a character or digit may have several)
      const ids = type === T_HAN ? this.hanIds(cp) : this.digitIds(cp)
      if (ids.length === 0) continue
      const next = i + 1
      if (next < n && toks.joins[next] === 1 && toks.type[next] !== T_LATIN) {
        // a character or digit follows: look the term up by its first two sounds
        const nextIds = toks.type[next] === T_HAN ? this.hanIds(toks.cp[next]) : this.digitIds(toks.cp[next])
        for (let k = 0; k < ids.length; k++) {
          const id0 = ids[k]
          for (let k2 = 0; k2 < nextIds.length; k2++) {
            const cands = this.byPair.get(id0 * 65536 + nextIds[k2])
            if (cands) for (const st of cands) this.tryAt(st, i, hanCount, u, on, out, false)
          }
        }
        continue
      }
      for (let k = 0; k < ids.length; k++) {
        const cands = this.byFirstId[ids[k]]
        if (cands) for (const st of cands) this.tryAt(st, i, hanCount, u, on, out, false)
      }
    }
    return out
  }
}

/**
 * Toneless pinyin of every term in context, in one call to the library (a call
 * per term costs ~0.1 ms; 1,500 Chinese terms in one call, a few ms). The
 * terms are joined with a full-width comma, which ends a word.
 */
function readAll(input: (number[] | null)[]): (string[] | null)[] {
  const terms = input.map((cps) => (cps !== null && ONLY_HAN.test(String.fromCodePoint(...cps)) ? cps : null))
  const present = terms.filter((t): t is number[] => t !== null)
  if (present.length === 0) return terms.map(() => null)
  const all = termReadings(present.map((cps) => String.fromCodePoint(...cps)).join('，'))
  const expected = present.reduce((a, cps) => a + cps.length + 1, -1)
  if (all.length !== expected) {
    // the library grouped something unexpectedly: read term by term
    return terms.map((cps) => (cps === null ? null : termReadings(String.fromCodePoint(...cps))))
  }
  const out: (string[] | null)[] = []
  let at = 0
  for (const cps of terms) {
    if (cps === null) {
      out.push(null)
      continue
    }
    const syl = all.slice(at, at + cps.length)
    at += cps.length + 1
    out.push(syl)
  }
  return out
}

const ONLY_HAN = /^\p{Script=Han}+$/u

function pairIndex(t: number): number {
  const a = codes[toks.u0[t]] - 0x61
  const b = wordLength(t) > 1 ? codes[toks.u0[t] + 1] - 0x61 : 26
  return a * 27 + b
}

/** a spelling of up to six letters as a number (base 27), so a prefix is looked up without a string */
function spellingKey(v: string): number {
  let key = 0
  for (let x = 0; x < v.length; x++) key = key * 27 + (v.charCodeAt(x) - 0x60)
  return key
}

function push<K>(map: Map<K, SoundTerm[]>, key: K, st: SoundTerm): void {
  const list = map.get(key)
  if (list) {
    if (!list.includes(st)) list.push(st)
  } else map.set(key, [st])
}

/** syllable by syllable: Han characters by sound, digits as numerals, Latin letters as pinyin */
function matchFull(st: SoundTerm, i: number, hanCount: number): SoundMatch | null {
  let t = i
  let o = 0
  let hanExact = 0
  let hanSound = 0
  /** characters that only sound alike through a confusion of initials or finals (老 for 脑) */
  let hanNear = 0
  let latin = 0
  let latinFuzzy = 0
  let letters = 0
  let digits = 0
  const n = toks.n
  for (let k = 0; k < st.keys.length; k++) {
    if (t >= n) return null
    if (o === 0 && k > 0 && !toks.joins[t]) return null
    const type = toks.type[t]
    if (type === T_HAN) {
      const cp = toks.cp[t]
      if (cp === st.cps[k]) hanExact++
      else if (hanKeys(cp).includes(st.keys[k])) {
        hanSound++
        if (!hanReadings(cp).includes(st.syllables[k])) hanNear++
      } else return null
      t++
    } else if (type === T_DIGIT) {
      if (!digitKeys(toks.cp[t]).includes(st.keys[k])) return null
      digits++
      t++
    } else {
      const wlen = wordLength(t)
      let used = ''
      for (const s of st.spellings[k]) {
        if (continuesWith(t, o, s)) {
          used = s
          break
        }
      }
      if (used === '' && o === 0 && wlen === 1 && codes[toks.u0[t]] === st.syllables[k].charCodeAt(0)) {
        // one letter standing for a syllable beside the term's characters (傻B, 狗r的)
        letters++
        t++
        continue
      }
      if (used === '') return null
      if (used !== st.syllables[k]) latinFuzzy++
      latin++
      o += used.length
      if (o === wlen) {
        t++
        o = 0
      }
    }
  }
  if (o !== 0) return null // a Latin word continues past the term
  if (latin === 0 && letters === 0 && digits === 0 && hanSound === 0) return null // the term as written: the automaton's job
  if (hanExact + hanSound === 0 && latin === 0) return null // digits alone are numbers
  const u0 = toks.u0[i]
  const u1 = toks.u1[t - 1]
  if (letters > 0 && hanExact === 0) return null // initials mixed only with the term's own characters
  if (hanNear > 0 && hanExact === 0) return null // a near-homophone keeps one of the term's characters (老惨 is not 脑残)
  if (hanExact + hanSound + digits === 0) {
    // pure pinyin: in an English sentence, ordinary English words are English,
    // a capitalised word is a name (Shabi village), and the rest is only a guess
    if (latinFuzzy > 0 || letters > 0) return null
    let allEnglish = true
    for (let x = i; x < t && allEnglish; x++) if (!englishToken(x)) allEnglish = false
    if (allEnglish) return null
    if (hanCount === 0 && capitalised(i)) return null
    return { term: st.term, reading: 'pinyin', guess: hanCount === 0, u0, u1, syllables: st.syllables }
  }
  const guess = hanSound > 0 || latinFuzzy > 0 || letters > 0
  return { term: st.term, reading: guess ? 'homophone' : 'mixed', guess, u0, u1, syllables: st.syllables }
}

/** the first letter of every syllable (s b, cnm, T.M.D), only where the text is Chinese */
function matchInitials(st: SoundTerm, i: number, hanCount: number): SoundMatch | null {
  if (hanCount < 2) return null
  let t = i
  let o = 0
  const n = toks.n
  for (let k = 0; k < st.syllables.length; k++) {
    if (t >= n || toks.type[t] !== T_LATIN) return null
    if (o === 0 && k > 0 && (!toks.joins[t] || !toks.softGap[t])) return null
    if (codes[toks.u0[t] + o] !== st.syllables[k].charCodeAt(0)) return null
    o++
    if (o === wordLength(t)) {
      t++
      o = 0
    }
  }
  if (o !== 0) return null
  // an English word is not a string of initials (a 10,000-term list has many)
  for (let x = i; x < t; x++) if (wordLength(x) > 1 && englishToken(x)) return null
  return { term: st.term, reading: 'initials', guess: true, u0: toks.u0[i], u1: toks.u1[t - 1], syllables: st.syllables }
}

/** does an ordinary Chinese word run across either end of units [u0, u1]? */
function splitsWords(u: Units, u0: number, u1: number): boolean {
  // the Han characters around the match, up to 6 on each side
  let a = u0
  let before = 0
  while (a > 0 && before < 6 && u.kind[a - 1] === K_CJK) {
    a--
    before++
  }
  let b = u1
  let after = 0
  while (b + 1 < u.n && after < 6 && u.kind[b + 1] === K_CJK) {
    b++
    after++
  }
  if (before === 0 && after === 0) return false
  const window: string[] = []
  for (let x = a; x <= b; x++) window.push(String.fromCodePoint(u.code[x]))
  return crossesWordBoundary(window, u0 - a, u1 - a + 1)
}
