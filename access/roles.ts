/** The roles a newsroom user can hold. Stored on the user as a `roles` multi-select. */
export const ROLES = ['admin', 'editor', 'author', 'moderator'] as const
export type Role = (typeof ROLES)[number]

/** Roles that may work on articles, sources and media beyond their own drafts. */
export const EDITORIAL_ROLES: readonly Role[] = ['admin', 'editor']
/** Roles that may decide on comments. */
export const MODERATION_ROLES: readonly Role[] = ['admin', 'moderator']
/** Roles whose comments skip moderation, and that count as "staff". */
export const STAFF_ROLES: readonly Role[] = ['admin', 'editor', 'moderator']

type MaybeUser = { roles?: unknown; collection?: string } | null | undefined

/** True when the user holds at least one of the given roles. */
export const hasRole = (user: MaybeUser, roles: readonly Role[]): boolean => {
  if (!user || !Array.isArray(user.roles)) return false
  return user.roles.some((role) => roles.includes(role as Role))
}
