import type { GlobalAfterChangeHook } from 'payload'

import { forgetModerationSettings } from '../../src/comments/settings'

/** afterChange of the moderation settings: this instance drops its copy at once (others see the new `updatedAt`). */
export const forgetSettingsAfterSave: GlobalAfterChangeHook = ({ req, doc }) => {
  forgetModerationSettings(req.payload)
  return doc
}
