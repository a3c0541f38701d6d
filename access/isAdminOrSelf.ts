import type { Access } from 'payload'

import { hasRole } from './roles'

/** Admins see every user; a logged-in user sees only themself; anonymous callers nothing. */
export const isAdminOrSelf: Access = ({ req: { user } }) => {
  if (!user) return false
  if (hasRole(user, ['admin'])) return true
  return { id: { equals: user.id } }
}
