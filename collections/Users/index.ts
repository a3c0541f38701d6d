import type { CollectionConfig, Field } from 'payload'

import { isAdmin, isAdminField } from '../../access/isAdmin'
import { isAdminOrSelf } from '../../access/isAdminOrSelf'
import { ROLES } from '../../access/roles'
import { firstUserIsAdmin } from '../../hooks/firstUserIsAdmin'

export const USERS_SLUG = 'users'

/** The `roles` field; also added to a host's own auth collection when the plugin extends it. */
export const rolesField: Field = {
  name: 'roles',
  type: 'select',
  hasMany: true,
  options: ROLES.map((role) => ({ label: role, value: role })),
  defaultValue: ['author'],
  required: true,
  saveToJWT: true,
  index: true,
  access: {
    create: isAdminField,
    update: isAdminField,
  },
  admin: { description: 'Only admins may change roles.' },
}

export const displayNameField: Field = {
  name: 'displayName',
  type: 'text',
  maxLength: 80,
}

/** Our users collection: auth with lockout, roles, and self-service without self-promotion. */
export const Users: CollectionConfig = {
  slug: USERS_SLUG,
  auth: {
    maxLoginAttempts: 5,
    lockTime: 10 * 60 * 1000,
    tokenExpiration: 8 * 60 * 60,
  },
  admin: {
    useAsTitle: 'email',
    defaultColumns: ['email', 'displayName', 'roles'],
  },
  access: {
    read: isAdminOrSelf,
    create: isAdmin,
    update: isAdminOrSelf,
    delete: isAdmin,
    unlock: isAdmin,
  },
  hooks: {
    beforeChange: [firstUserIsAdmin],
  },
  fields: [displayNameField, rolesField],
}
