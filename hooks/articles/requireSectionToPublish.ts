import { ValidationError, type CollectionBeforeChangeHook } from 'payload'

import { articleFieldLabel, text } from '../../src/i18n'

/**
 * A published article lives in a section (its place on the site, its feed, its sitemap entry). The rule holds
 * once the site has sections: a newsroom that has not set up its sections yet can still publish.
 */
export const requireSectionToPublish: CollectionBeforeChangeHook = async ({ data, originalDoc, req }) => {
  if (data._status !== 'published') return data
  const section = data.section !== undefined ? data.section : originalDoc?.section
  if (section !== null && section !== undefined && section !== '') return data
  const existing = await req.payload.count({ collection: 'sections', overrideAccess: true, req })
  if (existing.totalDocs === 0) return data
  const language = String(req.i18n?.language ?? 'en')
  const label = articleFieldLabel('section')
  throw new ValidationError(
    {
      collection: 'articles',
      errors: [{ path: 'section', label: label ? (language.startsWith('zh') ? label.zh : label.en) : undefined, message: text(language, 'gate.section-missing') }],
    },
    req.t,
  )
}
