import type { Phase } from './types'

/** Admins, editors and moderators → approved. */
export const approveStaff: Phase<'isStaff'> = ({ isStaff }) => {
  if (isStaff) return { status: 'approved', code: 'staff' }
}
