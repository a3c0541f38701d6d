/**
 * The model shipped with the package: trained by `npm run train:moderation`
 * on COLDataset's training split (data/NOTICE), one JSON file beside the data.
 */
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { OffenseModel } from './model'

// path.dirname(fileURLToPath(import.meta.url)) rather than new URL(…, import.meta.url): Next's bundler rewrites the
// latter into a URL of another realm, which fileURLToPath refuses while the admin's pages are built.
export const SHIPPED_MODEL_PATH = path.join(path.dirname(fileURLToPath(import.meta.url)), 'data', 'cold-offense-model.json')

let shipped: Promise<OffenseModel> | undefined

/** The shipped offence model (read once per process; later calls share it). */
export function loadOffenseModel(): Promise<OffenseModel> {
  if (!shipped) {
    shipped = readFile(SHIPPED_MODEL_PATH, 'utf8').then((text) => OffenseModel.deserialize(text))
    // a failed read is not cached: the next call tries again
    shipped.catch(() => {
      shipped = undefined
    })
  }
  return shipped
}
