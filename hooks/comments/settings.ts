import type { PayloadRequest } from 'payload'

import { readSettings, type ModerationSettingsValues } from '../../src/comments/settings'

/** The current moderation settings, read in the request's transaction (so a change applies to the next comment). */
export const loadModerationSettings = async (req: PayloadRequest): Promise<ModerationSettingsValues> => {
  // Adapter-level read (no hooks to run), in the request's transaction; one query per comment.
  const raw = await req.payload.db.findGlobal({ slug: 'moderation-settings', req })
  return readSettings(raw as unknown as Record<string, unknown>)
}
