/**
 * Chinese word boundaries from jieba's dictionary (`@node-rs/jieba`, no HMM,
 * so unknown pairs such as 啥逼 stay apart). Loaded on first use (~0.25 s,
 * once per process) and asked only about a few characters around a candidate.
 */
import { Jieba } from '@node-rs/jieba'
import { dict } from '@node-rs/jieba/dict'

let jieba: Jieba | null = null

function segmenter(): Jieba {
  if (jieba === null) jieba = Jieba.withDict(dict)
  return jieba
}

/** load the dictionary now (for servers that prefer paying the cost at start) */
export function warmSegmenter(): void {
  segmenter()
}

/**
 * Does a dictionary word cross [from, to) of `chars` (code points)? A word that
 * starts before `from` and ends inside, or starts inside and ends after `to`,
 * means the span is made of parts of two ordinary words (沙 + 比例).
 */
export function crossesWordBoundary(chars: string[], from: number, to: number): boolean {
  const words = segmenter().cut(chars.join(''), false)
  let at = 0
  for (const w of words) {
    const len = [...w].length
    const end = at + len
    if ((at < from && end > from) || (at < to && end > to)) return true
    at = end
    if (at >= to) break
  }
  return false
}
