import type { Access, FieldAccess } from 'payload'

import { MODERATION_ROLES, hasRole } from './roles'

/** Moderators and admins read every comment; other staff read all too; the public approved ones only. */
export const commentReadAccess: Access = ({ req: { user } }) => {
  if (user) return true
  return { status: { equals: 'approved' } }
}

/** Only moderators and admins decide (status, moderation, featured, reports). */
export const moderatorField: FieldAccess = ({ req: { user } }) => hasRole(user, MODERATION_ROLES)

/** Personal data of commenters: staff only. */
export const staffField: FieldAccess = ({ req: { user } }) => Boolean(user)

/** Nobody writes this through the API; hooks set it. */
export const systemOnlyField: FieldAccess = () => false
