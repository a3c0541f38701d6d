import type { Phase } from './types'

/** The form was sent sooner than minSecondsToSubmit after its token was issued (measured in length.ts) → spam. */
export const checkTooFast: Phase<'form' | 'isStaff' | 'tooFast'> = ({ form, isStaff, tooFast }) => {
  if (form && !isStaff && tooFast) return { status: 'spam', code: 'too_fast' }
}
