/**
 * Text → hashed character n-grams, each with its span in the original text.
 *
 * The text is folded with the engine's own per-code-point folding (normalize.ts
 * stage 1: Traditional → Simplified, NFKC, look-alikes, lower case; invisible
 * characters dropped; combining marks widen the previous character's span), so
 * "傻逼", "傻 逼" in full width and "傻逼" in Traditional forms share features.
 * White-space runs become one space. Every n-gram of 1..maxN folded symbols is
 * hashed (FNV-1a over the symbols, then Fibonacci hashing: the top `bits`
 * bits of the hash times 2^32/φ) into `2^bits` buckets.
 */
import * as chars from '../chars'
import { buildUnits, Units } from '../normalize'

const K_SPACE = chars.K_SPACE

export interface FeatureSpec {
  /** longest n-gram, in folded symbols */
  maxN: number
  /** log2 of the number of hash buckets */
  bits: number
}

/** Reusable buffers: the symbols of one text, and the n-grams found in it. */
export class FeatureBuffer {
  /** folded symbols (code points), white-space runs as one space */
  sym = new Int32Array(512)
  /** UTF-16 [start, end) of each symbol in the original text */
  symStart = new Int32Array(512)
  symEnd = new Int32Array(512)
  m = 0
  /** bucket of each n-gram occurrence */
  bucket = new Int32Array(2048)
  /** first symbol and length of each n-gram occurrence (kept for explain) */
  gramAt = new Int32Array(2048)
  gramLen = new Uint8Array(2048)
  count = 0
}

const units = new Units()

function growSymbols(b: FeatureBuffer, min: number): void {
  let cap = b.sym.length
  while (cap < min) cap *= 2
  const s = new Int32Array(cap)
  s.set(b.sym)
  b.sym = s
  const a = new Int32Array(cap)
  a.set(b.symStart)
  b.symStart = a
  const e = new Int32Array(cap)
  e.set(b.symEnd)
  b.symEnd = e
}

function growGrams(b: FeatureBuffer, min: number): void {
  let cap = b.bucket.length
  while (cap < min) cap *= 2
  const k = new Int32Array(cap)
  k.set(b.bucket)
  b.bucket = k
  const a = new Int32Array(cap)
  a.set(b.gramAt)
  b.gramAt = a
  const l = new Uint8Array(cap)
  l.set(b.gramLen)
  b.gramLen = l
}

/** Fold `text` into `b.sym` (white space collapsed, leading/trailing space dropped). */
export function foldSymbols(text: string, b: FeatureBuffer): void {
  buildUnits(text, units)
  const n = units.n
  if (b.sym.length < n + 2) growSymbols(b, n + 2)
  const code = units.code
  const kind = units.kind
  const start = units.start
  const end = units.end
  const sym = b.sym
  const s0 = b.symStart
  const s1 = b.symEnd
  let m = 0
  for (let i = 0; i < n; i++) {
    if (kind[i] === K_SPACE) {
      if (m === 0) continue
      if (sym[m - 1] === 0x20) {
        s1[m - 1] = end[i]
        continue
      }
      sym[m] = 0x20
    } else {
      sym[m] = code[i]
    }
    s0[m] = start[i]
    s1[m] = end[i]
    m++
  }
  if (m > 0 && sym[m - 1] === 0x20) m--
  b.m = m
}

/** Fold `text` and list every n-gram occurrence's bucket into `b`. */
export function extractFeatures(text: string, spec: FeatureSpec, b: FeatureBuffer): void {
  foldSymbols(text, b)
  const m = b.m
  const maxN = spec.maxN
  const shift = 32 - spec.bits
  const need = m * maxN
  if (b.bucket.length < need) growGrams(b, need)
  const sym = b.sym
  const bucket = b.bucket
  const gramAt = b.gramAt
  const gramLen = b.gramLen
  let c = 0
  for (let i = 0; i < m; i++) {
    let h = 0x811c9dc5 | 0
    const last = i + maxN <= m ? maxN : m - i
    for (let n = 1; n <= last; n++) {
      h = Math.imul(h ^ sym[i + n - 1], 0x01000193)
      // a lone space says nothing; n-grams that start or end with one mark word edges
      if (n === 1 && sym[i] === 0x20) continue
      bucket[c] = Math.imul(h ^ n, 0x9e3779b1) >>> shift
      gramAt[c] = i
      gramLen[c] = n
      c++
    }
  }
  b.count = c
}
