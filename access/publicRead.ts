import type { Access } from 'payload'

import { EDITORIAL_ROLES, hasRole } from './roles'

/** Editors and admins edit everything; authors their own drafts (see `articleUpdateAccess`). */
export const isEditorOrAuthor: Access = ({ req: { user } }) =>
  hasRole(user, [...EDITORIAL_ROLES, 'author'])

/** Anyone may read (media files are public once uploaded). */
export const anyone: Access = () => true
