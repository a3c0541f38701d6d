import type { Access } from 'payload'

import { EDITORIAL_ROLES, hasRole } from './roles'

/** Editors and admins: every article. Authors: their own unpublished articles. Others: none. */
export const articleUpdateAccess: Access = ({ req: { user } }) => {
  if (hasRole(user, EDITORIAL_ROLES)) return true
  if (user && hasRole(user, ['author'])) {
    return { createdBy: { equals: user.id } }
  }
  return false
}

/** Anonymous readers and sites: published articles only. Every logged-in newsroom user: all. */
export const articleReadAccess: Access = ({ req: { user } }) => {
  if (user) return true
  return { _status: { equals: 'published' } }
}
