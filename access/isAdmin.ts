import type { Access, FieldAccess } from 'payload'

import { hasRole } from './roles'

/** Collection access: admins only. */
export const isAdmin: Access = ({ req: { user } }) => hasRole(user, ['admin'])

/** Field access: admins only (used to guard `roles`). */
export const isAdminField: FieldAccess = ({ req: { user } }) => hasRole(user, ['admin'])
