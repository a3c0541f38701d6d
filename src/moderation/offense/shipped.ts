/**
 * The model shipped with the package: trained by `npm run train:moderation`
 * on COLDataset's training split (data/NOTICE), one JSON file beside the data.
 */
import { readFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'

import { OffenseModel } from './model'

export const SHIPPED_MODEL_PATH = fileURLToPath(new URL('./data/cold-offense-model.json', import.meta.url))

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
