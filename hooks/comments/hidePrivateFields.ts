import type { CollectionAfterReadHook } from 'payload'

import { withoutPrivateFields } from '../../src/comments/privacy'

/** afterRead: anonymous callers (REST, GraphQL) never see commenters' personal data or the moderation record. */
export const hidePrivateFields: CollectionAfterReadHook = ({ doc, req, overrideAccess }) => withoutPrivateFields(doc, req, overrideAccess)
