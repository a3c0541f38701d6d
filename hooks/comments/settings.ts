import type { PayloadRequest } from 'payload'

import { readSettings, type ModerationSettingsValues } from '../../src/comments/settings'

/** The current moderation settings, read in the request's transaction (so a change applies to the next comment). */
export const loadModerationSettings = async (req: PayloadRequest): Promise<ModerationSettingsValues> => {
  const raw = await req.payload.findGlobal({ slug: 'moderation-settings', depth: 0, req, overrideAccess: true } as any)
  return readSettings(raw as unknown as Record<string, unknown>)
}
