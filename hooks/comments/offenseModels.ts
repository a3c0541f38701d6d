import type { CollectionAfterChangeHook, CollectionAfterDeleteHook } from 'payload'

import { activateOnly, fallBackIfActive } from '../../src/comments/offenseVersions'

/** afterChange of a model version: marking one active deactivates the others and points the settings at it. */
export const activateOnlyThisModel: CollectionAfterChangeHook = async ({ doc, previousDoc, req, context, operation }) => {
  await activateOnly(doc, operation === 'create' ? undefined : previousDoc, req, context)
  return doc
}

/** afterDelete of a model version: deleting the active one brings back the shipped model. */
export const fallBackWhenActiveDeleted: CollectionAfterDeleteHook = async ({ doc, req }) => {
  await fallBackIfActive(doc, req)
  return doc
}
