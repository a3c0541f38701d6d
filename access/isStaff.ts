import type { Access } from 'payload'

import { EDITORIAL_ROLES, MODERATION_ROLES, hasRole } from './roles'

/** Admins and editors. */
export const isEditor: Access = ({ req: { user } }) => hasRole(user, EDITORIAL_ROLES)

/** Admins and moderators. */
export const isModerator: Access = ({ req: { user } }) => hasRole(user, MODERATION_ROLES)

/** Admins, editors and authors: who may create a tag while writing. */
export const isEditorOrAuthorTagging: Access = ({ req: { user } }) => hasRole(user, [...EDITORIAL_ROLES, 'author'])
