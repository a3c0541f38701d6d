import type { Access, FieldAccess, Where } from 'payload'

import { MODERATION_ROLES, hasRole } from './roles'

/** Logged-in newsroom users read every comment; the public approved comments of published articles only. */
export const commentReadAccess: Access = ({ req: { user } }) => {
  if (user) return true
  const approvedOfPublished: Where = { and: [{ status: { equals: 'approved' } }, { 'article._status': { equals: 'published' } }] }
  return approvedOfPublished
}

/** Moderators and admins change any comment; another logged-in user only a comment they wrote. */
export const commentUpdateAccess: Access = ({ req: { user } }) => {
  if (hasRole(user, MODERATION_ROLES)) return true
  if (user) return { authorUser: { equals: user.id } }
  return false
}

/** Only moderators and admins decide (status, moderation, featured, reports). */
export const moderatorField: FieldAccess = ({ req: { user } }) => hasRole(user, MODERATION_ROLES)

/** Personal data of commenters: staff only. */
export const staffField: FieldAccess = ({ req: { user } }) => Boolean(user)

/** Nobody writes this through the API; hooks set it. */
export const systemOnlyField: FieldAccess = () => false
