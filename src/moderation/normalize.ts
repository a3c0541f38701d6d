/**
 * Text → matching form, keeping a map back to the original UTF-16 offsets.
 *
 * Stage 1 (units): every code point is folded (see chars.ts) to zero or more
 * units; each unit remembers the [start, end) of the code point it came from
 * (combining marks extend the previous unit, so a highlight covers them).
 *
 * Stage 2 (readings): the units are turned into a symbol stream that the
 * automaton scans.
 *   - plain reading: letters, digits and CJK as they are; runs of white space
 *     become one space; punctuation is kept (so terms containing symbols such
 *     as `c++` match literally); separators between single letters
 *     (`f.u.c.k`, `f u c k`) and between CJK characters (`傻 逼`, `傻，逼`) are
 *     skipped.
 *   - aggressive reading: as above, plus leetspeak folding (`4 @ → a`, `3 → e`,
 *     `1 ! | l → i`, `0 → o`, `5 $ → s`, `7 + → t`, …), runs of a repeated
 *     letter collapsed to one, and punctuation inside a word dropped
 *     (`mother-fucker`). Terms are compiled through the same reading, so both
 *     sides agree.
 * A skipped separator marks the next symbol with SEP, which counts as a word
 * boundary for Latin-script terms.
 *
 * The buffers are module-level and reused (JavaScript is single-threaded);
 * callers copy out what they keep.
 */
import * as chars from './chars'

// Local copies of the imported bindings: some TypeScript loaders (tsx, vitest)
// compile imports to property getters, which would cost a call per character
// in the loops below.
const BMP_CODE = chars.BMP_CODE
const BMP_KIND = chars.BMP_KIND
const K_CJK = chars.K_CJK
const K_PUNCT = chars.K_PUNCT
const K_SPACE = chars.K_SPACE
const K_WORD = chars.K_WORD
const LEET = chars.LEET
const LEET_EXTRA = chars.LEET_EXTRA
const MARKER_IGNORE = chars.MARKER_IGNORE
const MARKER_MARK = chars.MARKER_MARK
const bmpLookup = chars.bmpLookup
const multiLookup = chars.multiLookup

export const SEP = 1

/** Longest separator run (in units) that is skipped between single letters / CJK. */
const MAX_GAP = 4

export class Units {
  n = 0
  /** the text had invisible characters, full-width ASCII or astral letters (links may be disguised) */
  unusual = false
  /** false only when buildReadings saw no letter or digit unit (Chinese, emoji, punctuation) */
  mayHaveWords = true
  /** bumped by every buildUnits: which text the units hold, for passes that share work */
  version = 0
  code = new Int32Array(256)
  kind = new Uint8Array(256)
  start = new Int32Array(256)
  end = new Int32Array(256)
  grow(min: number): void {
    let cap = this.code.length
    while (cap < min) cap *= 2
    const g = <T extends Int32Array | Uint8Array>(a: T, b: T): T => {
      b.set(a)
      return b
    }
    this.code = g(this.code, new Int32Array(cap))
    this.kind = g(this.kind, new Uint8Array(cap))
    this.start = g(this.start, new Int32Array(cap))
    this.end = g(this.end, new Int32Array(cap))
  }
}

export class Stream {
  m = 0
  code = new Int32Array(256)
  kind = new Uint8Array(256)
  flags = new Uint8Array(256)
  /** first and last unit behind each symbol */
  u0 = new Int32Array(256)
  u1 = new Int32Array(256)
  grow(min: number): void {
    let cap = this.code.length
    while (cap < min) cap *= 2
    const c = new Int32Array(cap)
    c.set(this.code)
    this.code = c
    const k = new Uint8Array(cap)
    k.set(this.kind)
    this.kind = k
    const f = new Uint8Array(cap)
    f.set(this.flags)
    this.flags = f
    const a = new Int32Array(cap)
    a.set(this.u0)
    this.u0 = a
    const b = new Int32Array(cap)
    b.set(this.u1)
    this.u1 = b
  }
}

/** Stage 1: fold every code point of `text` into `u`. */
export function buildUnits(text: string, u: Units): void {
  const len = text.length
  if (u.code.length < len + 8) u.grow(len + 8)
  let code = u.code
  let kind = u.kind
  let start = u.start
  let end = u.end
  let n = 0
  let unusual = false
  for (let i = 0; i < len; ) {
    let cp = text.charCodeAt(i)
    let w = 1
    let k: number
    if (cp < 0xd800 || cp > 0xdfff) {
      k = BMP_KIND[cp]
      if (k === 0) k = bmpLookup(cp)
    } else {
      if (cp < 0xdc00 && i + 1 < len) {
        const lo = text.charCodeAt(i + 1)
        if (lo >= 0xdc00 && lo <= 0xdfff) {
          cp = ((cp - 0xd800) << 10) + (lo - 0xdc00) + 0x10000
          w = 2
        }
      }
      k = 7 // multi / astral path
    }
    if (k <= K_PUNCT) {
      if (cp >= 0xff0e && cp <= 0xff5a) unusual = true
      code[n] = BMP_CODE[cp]
      kind[n] = k
      start[n] = i
      end[n] = i + w
      n++
    } else if (k === MARKER_MARK) {
      if (n > 0) end[n - 1] = i + w
    } else if (k === MARKER_IGNORE) {
      unusual = true
    } else {
      unusual = true
      const r = multiLookup(cp)
      if (r.marker === MARKER_MARK) {
        if (n > 0) end[n - 1] = i + w
      } else if (r.codes.length > 0) {
        if (n + r.codes.length + 8 > code.length) {
          u.grow(n + r.codes.length + len - i + 8)
          code = u.code
          kind = u.kind
          start = u.start
          end = u.end
        }
        for (let j = 0; j < r.codes.length; j++) {
          code[n] = r.codes[j]
          kind[n] = r.kinds[j]
          start[n] = i
          end[n] = i + w
          n++
        }
      }
    }
    i += w
  }
  u.n = n
  u.version++
  u.unusual = unusual
  u.mayHaveWords = true
}

/**
 * Stage 2: build a reading of the units into `s`.
 * `aggressive` selects the second reading (leet, repeat collapse, joins).
 * `kindIn` / `codeIn` are the unit arrays (the aggressive reading passes its
 * leet-folded copies).
 */
function buildReading(
  n: number,
  codeIn: Int32Array,
  kindIn: Uint8Array,
  s: Stream,
  aggressive: boolean,
  foldLetters: boolean,
): void {
  if (s.code.length < n + 8) s.grow(n + 8)
  const code = s.code
  const kind = s.kind
  const flags = s.flags
  const u0 = s.u0
  const u1 = s.u1
  let m = 0
  let tokLen = 0 // consecutive letters/digits in the current token
  let pending = 0 // a separator was skipped before the next symbol
  let i = 0
  while (i < n) {
    const k = kindIn[i]
    if (k === K_WORD || k === K_CJK) {
      let c = codeIn[i]
      // the leet reading of a letter or digit (0 → o, l → i), when the caller did not fold it
      if (foldLetters && k === K_WORD && c < 0x80 && LEET[c] !== 0) c = LEET[c]
      if (aggressive && k === K_WORD && m > 0 && code[m - 1] === c && kind[m - 1] === K_WORD) {
        // collapse a run of the same letter
        u1[m - 1] = i
      } else {
        code[m] = c
        kind[m] = k
        flags[m] = pending
        u0[m] = i
        u1[m] = i
        m++
      }
      pending = 0
      tokLen = k === K_WORD ? tokLen + 1 : 0
      i++
      continue
    }
    // a run of separators [i, j)
    let j = i + 1
    let hasSpace = k === K_SPACE
    while (j < n) {
      const kj = kindIn[j]
      if (kj === K_SPACE) hasSpace = true
      else if (kj !== K_PUNCT) break
      j++
    }
    if (m > 0 && j < n && j - i <= MAX_GAP) {
      const prev = kindIn[i - 1]
      const next = kindIn[j]
      let skip = false
      if (prev === K_CJK && next === K_CJK) skip = true
      else if (prev === K_WORD && next === K_WORD) {
        if (tokLen === 1 && (j + 1 >= n || kindIn[j + 1] !== K_WORD)) skip = true
        else if (aggressive && !hasSpace && j - i <= 2) skip = true
      }
      if (skip) {
        pending = SEP
        tokLen = 0
        i = j
        continue
      }
    }
    for (let t = i; t < j; t++) {
      if (kindIn[t] === K_SPACE) {
        if (m > 0 && kind[m - 1] === K_SPACE) {
          u1[m - 1] = t
          continue
        }
        code[m] = 0x20
        kind[m] = K_SPACE
      } else {
        code[m] = codeIn[t]
        kind[m] = K_PUNCT
      }
      flags[m] = 0
      u0[m] = t
      u1[m] = t
      m++
    }
    pending = 0
    tokLen = 0
    i = j
  }
  s.m = m
}

export function buildPlainReading(u: Units, s: Stream): void {
  buildReading(u.n, u.code, u.kind, s, false, false)
}

/** scratch copies of the units for the leet reading */
let leetCode = new Int32Array(256)
let leetKind = new Uint8Array(256)

function leetOf(c: number): number {
  return c < 0x80 ? LEET[c] : (LEET_EXTRA.get(c) ?? 0)
}

/** Stage 2, aggressive reading (leetspeak, repeat collapse, joins inside words). */
export function buildAggressiveReading(u: Units, s: Stream): void {
  const n = u.n
  if (leetCode.length < n + 8) {
    let cap = leetCode.length
    while (cap < n + 8) cap *= 2
    leetCode = new Int32Array(cap)
    leetKind = new Uint8Array(cap)
  }
  const code = u.code
  const kind = u.kind
  // punctuation read as letters needs a look-ahead over the run it starts, so a
  // text with such a symbol is copied and folded first; any other text is read
  // as it is, its letters and digits folded as the reading goes
  let leetPunct = false
  for (let i = 0; i < n; i++) {
    if (kind[i] === K_PUNCT && leetOf(code[i]) !== 0) {
      leetPunct = true
      break
    }
  }
  if (!leetPunct) {
    buildReading(n, code, kind, s, true, true)
    return
  }
  for (let i = 0; i < n; i++) {
    const k = kind[i]
    const c = code[i]
    if (k === K_WORD) {
      const l = c < 0x80 ? LEET[c] : 0
      leetCode[i] = l !== 0 ? l : c
      leetKind[i] = K_WORD
    } else if (k === K_PUNCT && leetOf(c) !== 0) {
      // a run of leet symbols reads as letters when a letter or digit follows
      // it, or when it ends a word (cun+, a$$) — trailing exclamation marks
      // excepted (shit!)
      let j = i + 1
      while (j < n && kind[j] === K_PUNCT && leetOf(code[j]) !== 0) j++
      let upto = i // [i, upto) read as letters
      if (j < n && kind[j] === K_WORD) upto = j
      else if (i > 0 && kind[i - 1] === K_WORD) {
        upto = j
        while (upto > i && code[upto - 1] === 0x21) upto--
      }
      for (let t = i; t < j; t++) {
        if (t < upto) {
          leetCode[t] = leetOf(code[t])
          leetKind[t] = K_WORD
        } else {
          leetCode[t] = code[t]
          leetKind[t] = K_PUNCT
        }
      }
      i = j - 1
    } else {
      leetCode[i] = c
      leetKind[i] = k
    }
  }
  buildReading(n, leetCode, leetKind, s, true, false)
}

/**
 * Both readings of the units in one pass (the plain into `p`, the aggressive
 * into `a`), the same streams as buildPlainReading and buildAggressiveReading.
 * A text where punctuation must be read as letters (`(unt`, `$5`, `a$$`: its
 * kinds differ between the readings) is read twice, as before. Returns true when the two streams
 * would be the same (no letter or digit: Chinese, emoji, punctuation); `a` is
 * then left empty and only `p` is built.
 */
export function buildReadings(u: Units, p: Stream, a: Stream): boolean {
  const n = u.n
  const codeIn = u.code
  const kindIn = u.kind
  let words = false
  for (let i = 0; i < n; i++) {
    const k = kindIn[i]
    if (k === K_WORD) {
      words = true
      continue
    }
    if (k !== K_PUNCT || leetOf(codeIn[i]) === 0) continue
    // a run of leet symbols: read as letters (as buildAggressiveReading does)
    // when a letter or digit follows it, or when it ends a word and is not all
    // exclamation marks; only then do the readings' kinds differ
    let j = i + 1
    while (j < n && kindIn[j] === K_PUNCT && leetOf(codeIn[j]) !== 0) j++
    let letters = j < n && kindIn[j] === K_WORD
    if (!letters && i > 0 && kindIn[i - 1] === K_WORD) {
      let upto = j
      while (upto > i && codeIn[upto - 1] === 0x21) upto--
      letters = upto > i
    }
    if (letters) {
      u.mayHaveWords = true
      buildPlainReading(u, p)
      buildAggressiveReading(u, a)
      return false
    }
    i = j - 1
  }
  if (!words) {
    // Chinese, emoji, punctuation: the leet reading would be the plain one
    buildReading(n, codeIn, kindIn, p, false, false)
    a.m = 0
    u.mayHaveWords = false
    return true
  }
  if (p.code.length < n + 8) p.grow(n + 8)
  if (a.code.length < n + 8) a.grow(n + 8)
  const pc = p.code
  const pk = p.kind
  const pf = p.flags
  const p0 = p.u0
  const p1 = p.u1
  const ac = a.code
  const ak = a.kind
  const af = a.flags
  const a0 = a.u0
  const a1 = a.u1
  let pm = 0
  let am = 0
  let tokLen = 0 // consecutive letters/digits in the current token (the same in both readings)
  let pPending = 0
  let aPending = 0
  let i = 0
  while (i < n) {
    const k = kindIn[i]
    if (k === K_WORD || k === K_CJK) {
      const c = codeIn[i]
      pc[pm] = c
      pk[pm] = k
      pf[pm] = pPending
      p0[pm] = i
      p1[pm] = i
      pm++
      let l = c
      if (k === K_WORD && c < 0x80 && LEET[c] !== 0) l = LEET[c]
      if (k === K_WORD && am > 0 && ac[am - 1] === l && ak[am - 1] === K_WORD) {
        // collapse a run of the same letter
        a1[am - 1] = i
      } else {
        ac[am] = l
        ak[am] = k
        af[am] = aPending
        a0[am] = i
        a1[am] = i
        am++
      }
      pPending = 0
      aPending = 0
      tokLen = k === K_WORD ? tokLen + 1 : 0
      i++
      continue
    }
    // a run of separators [i, j)
    let j = i + 1
    let hasSpace = k === K_SPACE
    while (j < n) {
      const kj = kindIn[j]
      if (kj === K_SPACE) hasSpace = true
      else if (kj !== K_PUNCT) break
      j++
    }
    let pSkip = false
    let aSkip = false
    if (j < n && j - i <= MAX_GAP && i > 0) {
      const prev = kindIn[i - 1]
      const next = kindIn[j]
      if (prev === K_CJK && next === K_CJK) pSkip = aSkip = true
      else if (prev === K_WORD && next === K_WORD) {
        if (tokLen === 1 && (j + 1 >= n || kindIn[j + 1] !== K_WORD)) pSkip = aSkip = true
        else if (!hasSpace && j - i <= 2) aSkip = true
      }
    }
    if (pSkip && pm > 0) pPending = SEP
    else {
      for (let t = i; t < j; t++) {
        if (kindIn[t] === K_SPACE) {
          if (pm > 0 && pk[pm - 1] === K_SPACE) {
            p1[pm - 1] = t
            continue
          }
          pc[pm] = 0x20
          pk[pm] = K_SPACE
        } else {
          pc[pm] = codeIn[t]
          pk[pm] = K_PUNCT
        }
        pf[pm] = 0
        p0[pm] = t
        p1[pm] = t
        pm++
      }
      pPending = 0
    }
    if (aSkip && am > 0) aPending = SEP
    else {
      for (let t = i; t < j; t++) {
        if (kindIn[t] === K_SPACE) {
          if (am > 0 && ak[am - 1] === K_SPACE) {
            a1[am - 1] = t
            continue
          }
          ac[am] = 0x20
          ak[am] = K_SPACE
        } else {
          ac[am] = codeIn[t]
          ak[am] = K_PUNCT
        }
        af[am] = 0
        a0[am] = t
        a1[am] = t
        am++
      }
      aPending = 0
    }
    tokLen = 0
    i = j
  }
  p.m = pm
  a.m = am
  u.mayHaveWords = true
  return false
}

const scratchUnits = new Units()
const scratchStream = new Stream()

/**
 * The canonical matching form of a text: folded (NFKC, case, marks,
 * invisibles, look-alikes, Traditional → Simplified), separators between
 * single letters and between CJK characters removed, white space collapsed to
 * one space and trimmed. Two bodies that differ only by disguises normalise
 * to the same string, so it suits duplicate detection.
 */
export function normalizeForMatching(text: string): string {
  buildUnits(text, scratchUnits)
  buildPlainReading(scratchUnits, scratchStream)
  const s = scratchStream
  let a = 0
  let b = s.m
  while (a < b && s.kind[a] === K_SPACE) a++
  while (b > a && s.kind[b - 1] === K_SPACE) b--
  let out = ''
  for (let i = a; i < b; i += 4096) {
    out += String.fromCodePoint(...s.code.subarray(i, Math.min(b, i + 4096)))
  }
  return out
}

/** Symbols of a term in the given reading (spaces at the ends trimmed). */
const termUnits = new Units()
const termStream = new Stream()

export function termSymbols(term: string, aggressive: boolean): { symbols: number[]; kinds: number[] } {
  const u = termUnits
  const s = termStream
  buildUnits(term, u)
  if (aggressive) buildAggressiveReading(u, s)
  else buildPlainReading(u, s)
  let a = 0
  let b = s.m
  while (a < b && s.kind[a] === K_SPACE) a++
  while (b > a && s.kind[b - 1] === K_SPACE) b--
  return { symbols: Array.from(s.code.subarray(a, b)), kinds: Array.from(s.kind.subarray(a, b)) }
}
