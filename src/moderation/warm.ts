import { warmEnglishWords } from './english'
import { warmSegmenter } from './segmenter'

/**
 * Load what the readings load on first use: jieba's dictionary (~0.3 s, ~40 MB)
 * and the English word lists (~0.2 s, ~10 MB). Call once at server start so the
 * first reader's comment does not wait for them.
 */
export function warmUpReadings(): void {
  warmSegmenter()
  warmEnglishWords()
}
