import type { Phase } from './types'

/** mode: pre → everything not decided above waits for a moderator. */
export const checkPreModeration: Phase<'settings'> = ({ settings }) => {
  if (settings.mode === 'pre') return { status: 'pending', code: 'pre_moderation' }
}
