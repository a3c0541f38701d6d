import type { Access, AccessResult, Where } from 'payload'

/**
 * Wraps a host's access function with ours: both must allow. Query constraints (Where) from either side
 * are joined with `and`, so wrapping never widens what the host allowed.
 */
export const combineAccess = (host: Access | undefined, ours: Access | undefined): Access | undefined => {
  if (!host) return ours
  if (!ours) return host
  return async (args) => {
    const [a, b] = await Promise.all([host(args), ours(args)])
    return intersectAccess(a, b)
  }
}

export const intersectAccess = (a: AccessResult, b: AccessResult): AccessResult => {
  if (a === false || b === false) return false
  if (a === true) return b
  if (b === true) return a
  return { and: [a as Where, b as Where] }
}
