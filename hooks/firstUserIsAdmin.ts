import type { CollectionBeforeChangeHook } from 'payload'

/**
 * The very first user of a newsroom (made on the admin's create-first-user screen, or by a seed) becomes
 * `admin`, whatever roles were sent: somebody has to be able to grant roles to everyone else.
 */
export const firstUserIsAdmin: CollectionBeforeChangeHook = async ({ collection, data, operation, req }) => {
  if (operation !== 'create') return data
  const { totalDocs } = await req.payload.count({ collection: collection.slug, overrideAccess: true, req })
  if (totalDocs === 0) {
    const roles = Array.isArray(data.roles) ? data.roles : []
    data.roles = ['admin', ...roles.filter((role: string) => role !== 'admin')]
  }
  return data
}
