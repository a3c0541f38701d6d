/**
 * Which stored offence model is active: at most one version, whose id the moderation settings carry (saving
 * them moves their `updatedAt`, so every instance picks the change up with its next comment).
 */
import type { PayloadRequest } from 'payload'

import { MODERATION_MODELS_SLUG } from './offenseConstants'
import { MODERATION_SETTINGS_SLUG } from './settings'

interface ModelDoc {
  id: number | string
  active?: boolean | null
}

const pointSettingsAt = async (req: PayloadRequest, id: string | null) => {
  await req.payload.updateGlobal({
    slug: MODERATION_SETTINGS_SLUG as never,
    data: { activeOffenseModel: id } as never,
    overrideAccess: true,
    req,
    context: { offenseModelSwitch: true },
  })
}

/** After a version is saved: when it became active, the others stop being active and the settings point at it. */
export const activateOnly = async (doc: ModelDoc, previous: ModelDoc | undefined, req: PayloadRequest, context: Record<string, unknown>) => {
  if (context.offenseModelSwitch) return
  const nowActive = doc.active === true
  if (nowActive === (previous?.active === true)) return
  if (nowActive) {
    await req.payload.update({
      collection: MODERATION_MODELS_SLUG as never,
      where: { and: [{ active: { equals: true } }, { id: { not_equals: doc.id } }] },
      data: { active: false } as never,
      overrideAccess: true,
      req,
      context: { offenseModelSwitch: true },
    })
    await pointSettingsAt(req, String(doc.id))
  } else {
    await pointSettingsAt(req, null)
  }
}

/** After a version is deleted: if it was the active one, the shipped model scores again. */
export const fallBackIfActive = async (doc: ModelDoc, req: PayloadRequest) => {
  if (doc.active === true) await pointSettingsAt(req, null)
}
