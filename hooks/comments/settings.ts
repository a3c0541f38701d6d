import type { GlobalAfterChangeHook, Payload, PayloadRequest } from 'payload'

import { MODERATION_SETTINGS_SLUG, readSettings, type ModerationSettingsValues } from '../../src/comments/settings'

/**
 * The settings last read by each Payload instance of this process, with the `updatedAt` they were read at.
 * Saving the global changes `updatedAt`, so a comment whose facts carry another stamp reads them again: a change
 * applies to the next comment on every instance, without a restart, and an unchanged global costs no read.
 */
const cache = new WeakMap<Payload, { stamp: string | null; values: ModerationSettingsValues }>()

/**
 * The current moderation settings. `stamp` is the global's `updatedAt` as just read in this request (null: never
 * saved); when it matches the cached one the cached values are used, otherwise (or without a stamp) they are read
 * in the request's transaction.
 */
export const loadModerationSettings = async (req: PayloadRequest, stamp?: string | null): Promise<ModerationSettingsValues> => {
  const cached = cache.get(req.payload)
  if (stamp !== undefined && cached && cached.stamp === stamp) return cached.values
  // Adapter-level read (no hooks to run), in the request's transaction.
  const raw = await req.payload.db.findGlobal({ slug: MODERATION_SETTINGS_SLUG, req })
  const values = readSettings(raw as unknown as Record<string, unknown>)
  const readStamp = values.updatedAt ? new Date(values.updatedAt).toISOString() : null
  // Keep what was read only when it is what the stamp said (inside an uncommitted save it may not be).
  if (stamp === undefined || stamp === readStamp) cache.set(req.payload, { stamp: readStamp, values })
  return values
}

/** afterChange of the global: this instance drops its copy at once (other instances see the new `updatedAt`). */
export const forgetModerationSettings: GlobalAfterChangeHook = ({ req, doc }) => {
  cache.delete(req.payload)
  return doc
}
