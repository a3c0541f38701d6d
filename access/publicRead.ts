import type { Access } from 'payload'

import { EDITORIAL_ROLES, hasRole } from './roles'

/** Staff (any logged-in newsroom user) read everything; everyone else only published documents. */
export const publishedOrStaff: Access = ({ req: { user } }) => {
  if (user) return true
  return { _status: { equals: 'published' } }
}

/** Editors and admins edit everything; authors their own drafts (see `articleUpdateAccess`). */
export const isEditorOrAuthor: Access = ({ req: { user } }) =>
  hasRole(user, [...EDITORIAL_ROLES, 'author'])

/** Anyone may read (media files are public once uploaded). */
export const anyone: Access = () => true
