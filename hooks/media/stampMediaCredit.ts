import type { CollectionBeforeChangeHook } from 'payload'

import { computeMediaCredit } from '../../src/attribution'
import { loadSource } from '../articles/loadSource'

/** Stamps `creditLine` (图片来源: source, else the creator) and fills an empty licence and notice. */
export const stampMediaCredit: CollectionBeforeChangeHook = async ({ data, originalDoc, req }) => {
  const media = { ...originalDoc, ...data }
  const source = await loadSource(req, media.source)
  const credit = computeMediaCredit(media, source)
  data.creditLine = credit.creditLine
  if (!media.license && credit.license) data.license = credit.license
  if (!media.copyrightNotice && credit.copyrightNotice) data.copyrightNotice = credit.copyrightNotice
  return data
}
